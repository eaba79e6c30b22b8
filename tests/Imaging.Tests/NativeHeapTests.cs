namespace VisionAspire.Imaging.Tests;

/// <summary>Retained working buffers are reused, not accumulated. RSS is process-wide: runs alone, as MemoryTests.</summary>
[Collection(nameof(MemoryTests))]
public sealed class NativeHeapTests
{
    [Fact]
    public void Retaining_working_buffers_is_applied_and_keeps_rss_bounded_over_large_resizes()
    {
        var photo = TestImages.Bytes("car_plate_bmw.jpg");

        Assert.True(NativeHeap.RetainWorkingBuffers(), "mallopt was refused on this glibc");
        Resize(photo, 20);
        var before = ResidentMegabytes();
        Resize(photo, 200);
        var growth = ResidentMegabytes() - before;

        Assert.True(growth < 64, $"RSS grew by {growth:F1} MB over 200 resizes with retained buffers");
    }

    private static void Resize(byte[] photo, int count)
    {
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, cycle =>
        {
            using var thumbnail = VipsImage.ThumbnailOnce(photo, 720);
            _ = thumbnail.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 80 });
        });
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static double ResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }
}
