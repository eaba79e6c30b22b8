using System.Collections.Concurrent;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Imaging.Tests;

/// <summary>
/// Decoding damaged images while other threads kill evaluations: libvips writes both kinds of failure into one
/// process-global error buffer, and each call must still get its own exception type. Alone in its collection, so its
/// threads, not other tests', fill the machine.
/// </summary>
[CollectionDefinition(nameof(KillRaceTests), DisableParallelization = true)]
[Collection(nameof(KillRaceTests))]
public sealed class KillRaceTests
{
    private const int Decoders = 4;
    private const int Killers = 4;
    private const int KillsPerKiller = 5;
    private const int MinimumDecodesPerDecoder = 10;

    [Fact]
    public void Truncated_decodes_are_corrupt_and_killed_evaluations_cancelled_while_both_run_at_once()
    {
        var photo = TestImages.Bytes("zidane.jpg");
        var truncated = photo[..(photo.Length / 2)];
        var wrong = new ConcurrentQueue<string>();
        var killersLeft = Killers;
        var decodes = 0;
        using var start = new Barrier(Decoders + Killers);

        var decoders = Enumerable.Range(0, Decoders).Select(d => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < MinimumDecodesPerDecoder || Volatile.Read(ref killersLeft) > 0; i++)
            {
                Expect<CorruptImageException>(wrong, $"decode {d}.{i}", () => DecodeTruncated(truncated, i));
                Interlocked.Increment(ref decodes);
            }
        })).ToList();

        var killers = Enumerable.Range(0, Killers).Select(k => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < KillsPerKiller; i++)
            {
                Expect<ImageProcessingCancelledException>(wrong, $"kill {k}.{i}", () => KillWhileEvaluating(photo, killInput: i % 2 == 1));
            }

            Interlocked.Decrement(ref killersLeft);
        })).ToList();

        List<Thread> all = [.. decoders, .. killers];
        all.ForEach(thread => thread.Start());
        all.ForEach(thread => thread.Join());

        Assert.Empty(wrong);
        Assert.True(decodes >= Decoders * MinimumDecodesPerDecoder);
    }

    /// <summary>Both decode routes: a lazy load then its pixels, and the one-pass thumbnail.</summary>
    private static void DecodeTruncated(byte[] truncated, int round)
    {
        if (round % 2 == 0)
        {
            VipsImage.ThumbnailPixels(truncated, 320);
            return;
        }

        using var image = VipsImage.Load(truncated);
        image.ToPixels();
    }

    /// <summary>
    /// Encodes an image that takes many seconds to compute while another thread kills it (or the photo it is computed
    /// from) after 0-20 ms: before the evaluation starts or during it, both must stop it.
    /// </summary>
    private static void KillWhileEvaluating(byte[] photo, bool killInput)
    {
        using var source = VipsImage.Load(photo);
        using var expensive = source.Resize(4)
            .Then(large => large.GaussianBlur(ImageFilters.MaxSigma))
            .Then(blurred => blurred.GaussianBlur(ImageFilters.MaxSigma));
        var delay = Random.Shared.Next(0, 20);
        var killer = Task.Run(() =>
        {
            Thread.Sleep(delay);
            (killInput ? source : expensive).Kill();
        });
        try
        {
            expensive.Encode(ImageFormat.Png);
        }
        finally
        {
            killer.Wait();
        }
    }

    private static void Expect<T>(ConcurrentQueue<string> wrong, string call, Action action) where T : ImagingException
    {
        try
        {
            action();
            wrong.Enqueue($"{call}: succeeded, expected {typeof(T).Name}");
        }
        catch (T)
        {
        }
        catch (Exception e)
        {
            wrong.Enqueue($"{call}: {e.GetType().Name} ({e.Message}), expected {typeof(T).Name}");
        }
    }
}
