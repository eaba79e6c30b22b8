using NetVips;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    private bool _watchingKills;

    /// <summary>
    /// Asks libvips to stop every evaluation that reads this image's pixels. The call computing them (encode, pixels,
    /// a measuring operation) then fails with <see cref="ImageProcessingCancelledException"/> within a tile or so; the
    /// kill is used up by that failure, so a later evaluation runs again. A kill no evaluation has reached yet stops
    /// the next one. Safe to call from any thread while another evaluates the image; a no-op once it is disposed.
    /// </summary>
    public void Kill() => _kills[0].Pull();

    /// <summary>
    /// Makes every evaluation of this image see a pending kill of its lineage, whenever it was requested. Setting
    /// libvips' flag alone can lose it: a loader clears its image's flag when it starts decoding (libvips resets the
    /// flag of an image it begins writing), so a kill that lands just before is gone. Evaluations report progress on
    /// this image after each tile (libvips' "eval" signal); while a request is pending, the handler raises the flag
    /// of this image again, which every image of the running pipeline checks.
    /// </summary>
    private void WatchForKills()
    {
        if (Volatile.Read(ref _watchingKills))
        {
            return;
        }

        lock (_kills)
        {
            if (_watchingKills)
            {
                return;
            }

            // Progress of this image is reported on this image, not on an input it inherited progress reporting from.
            Image.SetProgress(false);
            Image.SetProgress(true);
            var kills = _kills;
            Image.SignalConnect(Enums.Signals.Eval, (evaluated, _) =>
            {
                if (AnyRequested(kills))
                {
                    evaluated.SetKill(true);
                }
            });
            Volatile.Write(ref _watchingKills, true);
        }
    }

    private static bool AnyRequested(KillSwitch[] kills)
    {
        foreach (var kill in kills)
        {
            if (kill.IsRequested)
            {
                return true;
            }
        }

        return false;
    }
}
