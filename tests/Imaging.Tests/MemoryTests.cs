namespace VisionAspire.Imaging.Tests;

// RSS is process-wide: other test classes of this assembly (4-thread loads, the kill tests' huge blurs) must not run
// alongside, or their allocations read as growth here.
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    [Fact]
    public void A_thousand_load_thumbnail_dispose_cycles_keep_rss_flat()
    {
        var bytes = TestImages.Bytes("faces_two_handshake.jpg");
        RunCycles(bytes, 100); // warm-up: libvips thread pools, caches, JIT
        var before = ResidentMegabytes();

        RunCycles(bytes, 1000);

        var growth = ResidentMegabytes() - before;
        Assert.True(growth < 40, $"RSS grew by {growth:F1} MB over 1,000 cycles");
        Console.WriteLine($"RSS growth over 1,000 cycles: {growth:F1} MB");
    }

    private static void RunCycles(byte[] bytes, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var image = VipsImage.Load(bytes);
            using var thumbnail = image.Thumbnail(96, 96, ResizeMode.Fill);
            _ = thumbnail.Encode(ImageFormat.Jpeg);
            using var fast = VipsImage.ThumbnailBuffer(bytes, 64);
            _ = fast.ToPixels();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static double ResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
        return kilobytes / 1024.0;
    }
}
