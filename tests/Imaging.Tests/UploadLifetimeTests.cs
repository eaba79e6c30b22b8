namespace VisionAspire.Imaging.Tests;

/// <summary>
/// libvips decodes lazily: the bytes of an upload are read when pixels are computed, after the load call returned.
/// Those reads must find the bytes that were given, whatever the caller does with its array afterwards and whatever
/// the GC moves, collects or finalizes meanwhile. The array is overwritten before the pixels are computed, so a
/// decoder still reading it (or memory freed with a collected wrapper) gives other pixels, an error or a crash.
/// </summary>
public sealed class UploadLifetimeTests
{
    public static TheoryData<string> Files => new() { "car_plate_bmw.jpg", "ocr_bank_statement.png" };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_one_pass_thumbnail_decodes_the_bytes_given_after_the_array_is_overwritten_while_the_gc_runs(string file)
    {
        var expected = VipsImage.ThumbnailPixels(TestImages.Bytes(file), 720);
        var upload = TestImages.Bytes(file);

        using var thumbnail = VipsImage.ThumbnailOnce(upload, 720);
        Array.Fill(upload, (byte)0xFF);
        var pixels = WhileCollecting(thumbnail.ToPixels);

        AssertSamePixels(expected, pixels);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_lazy_pipeline_decodes_the_bytes_given_after_its_loaded_input_is_disposed_and_the_array_overwritten(string file)
    {
        PixelBuffer expected;
        using (var reference = VipsImage.Load(TestImages.Bytes(file)))
        using (var half = reference.Resize(0.5))
        {
            expected = half.ToPixels();
        }

        var upload = TestImages.Bytes(file);
        var loaded = VipsImage.Load(upload);
        using var resized = loaded.Resize(0.5);
        loaded.Dispose();
        Array.Fill(upload, (byte)0xFF);
        var pixels = WhileCollecting(resized.ToPixels);

        AssertSamePixels(expected, pixels);
    }

    /// <summary>
    /// Runs <paramref name="evaluate"/> after a full blocking collection with finalizers (wrappers the load calls
    /// dropped are gone before any pixel is read) while another thread keeps forcing compacting collections.
    /// </summary>
    private static T WhileCollecting<T>(Func<T> evaluate)
    {
        CollectEverything();
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                CollectEverything();
            }
        });
        collector.Start();
        try
        {
            return evaluate();
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }

    private static void CollectEverything()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static void AssertSamePixels(PixelBuffer expected, PixelBuffer actual)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Bands), (actual.Width, actual.Height, actual.Bands));
        Assert.True(expected.Data.AsSpan(0, expected.Length).SequenceEqual(actual.Data.AsSpan(0, actual.Length)),
            "the pixels differ from those of the untouched bytes");
    }
}
