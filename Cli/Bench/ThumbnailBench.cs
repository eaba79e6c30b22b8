using System.Diagnostics;
using VisionAspire.Imaging;

namespace VisionAspire.Cli.Bench;

/// <summary>
/// Decode + thumbnail (to 224 px, written as JPEG) of a 4000x3000 JPEG: our Imaging (file read, thumbnail_source,
/// encode, write) against libvips' own CLI on the same file. <c>vipsthumbnail</c> gets all copies in one process,
/// so its start-up is spread thin; a single <c>vips thumbnail</c> process is shown too.
/// </summary>
internal static class ThumbnailBench
{
    public const int Size = 224;
    private const int Copies = 20;

    public sealed record Result(double OursMs, double VipsThumbnailBatchMs, double VipsThumbnailProcessMs, long SourceBytes)
    {
        public double Ratio => OursMs / VipsThumbnailBatchMs;
    }

    /// <summary>Writes the 4000x3000 test JPEG (an upscaled shared photo, quality 90) and returns its path.</summary>
    public static string CreateSource(string directory, string photo)
    {
        using var image = VipsImage.LoadFile(photo);
        using var large = image.Resize(4000.0 / image.Width);
        using var exact = large.Crop(0, 0, 4000, 3000);
        var path = Path.Combine(directory, "photo-4000x3000.jpg");
        File.WriteAllBytes(path, exact.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 90 }));
        return path;
    }

    public static Result Run(string source, string workDirectory, int repetitions)
    {
        var copies = Enumerable.Range(0, Copies).Select(i =>
        {
            var copy = Path.Combine(workDirectory, $"copy{i:00}.jpg");
            File.Copy(source, copy, overwrite: true);
            return copy;
        }).ToArray();
        var output = Path.Combine(workDirectory, "ours.jpg");

        void Ours(string file)
        {
            using var thumbnail = VipsImage.ThumbnailBuffer(File.ReadAllBytes(file), Size, Size);
            File.WriteAllBytes(output, thumbnail.Encode(ImageFormat.Jpeg));
        }

        Ours(source);
        Process("vipsthumbnail", [source, "-s", $"{Size}", "-o", Path.Combine(workDirectory, "%s_vips.jpg")]);

        var ours = new List<double>();
        var batch = new List<double>();
        var single = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var copy in copies)
            {
                Ours(copy);
            }
            ours.Add(watch.Elapsed.TotalMilliseconds / Copies);

            batch.Add(Process("vipsthumbnail", [.. copies, "-s", $"{Size}", "-o", Path.Combine(workDirectory, "%s_vips.jpg")]) / Copies);
            single.Add(Process("vips", ["thumbnail", source, Path.Combine(workDirectory, "single.jpg"), $"{Size}"]));
        }
        return new Result(Stopwatches.Median(ours), Stopwatches.Median(batch), Stopwatches.Median(single), new FileInfo(source).Length);
    }

    private static double Process(string command, string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var watch = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(info)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {errors}");
        }
        return elapsed;
    }
}
