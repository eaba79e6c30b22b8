using NetVips;

namespace VisionAspire.Imaging;

/// <summary>
/// One image's kill, as its caller requested it. libvips reports a kill only as text in its process-global error
/// buffer, which any thread's failure may have written or cleared, so whether a failed evaluation was killed is
/// decided here instead: a kill requested on the evaluated image or on one of its inputs, and not yet used up by an
/// earlier failure, makes the failure a cancellation. Holds its image weakly: the progress handler that reads the
/// switches lives as long as the native image, and must not keep an undisposed wrapper from being collected.
/// Thread-safe.
/// </summary>
internal sealed class KillSwitch(Image image)
{
    private readonly WeakReference<Image> _image = new(image);
    private int _requested;

    public bool IsRequested => Volatile.Read(ref _requested) == 1;

    /// <summary>Records the request, then raises libvips' flag, so a failure it causes always finds the request.</summary>
    public void Pull()
    {
        Volatile.Write(ref _requested, 1);
        SetFlag(true);
    }

    /// <summary>
    /// Takes a pending request (true) and lowers libvips' flag with it: the failure that took the request answers
    /// for the kill, and a flag the evaluation did not reach must not stop the next one.
    /// </summary>
    public bool TryReset()
    {
        if (Interlocked.Exchange(ref _requested, 0) == 0)
        {
            return false;
        }

        SetFlag(false);
        return true;
    }

    private void SetFlag(bool kill)
    {
        try
        {
            // NetVips passes the image as a SafeHandle: a concurrent Dispose cannot free it during the call.
            if (_image.TryGetTarget(out var image))
            {
                image.SetKill(kill);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
