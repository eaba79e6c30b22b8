using System.Globalization;
using System.Text;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Cli.Bench;

/// <summary><c>bench</c>: memory with the worker's models loaded, model latency/throughput and decode+thumbnail against the vips CLI, as Markdown.</summary>
public static class BenchCommand
{
    public static int Run(BenchOptions options, TextWriter stdout)
    {
        var store = ModelStore.CreateDefault();
        var images = SharedImages();
        var work = Directory.CreateTempSubdirectory("vision-bench-").FullName;
        var report = new StringBuilder();
        void Line(string text = "")
        {
            report.AppendLine(text);
            stdout.WriteLine(text);
        }

        try
        {
            Line($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, ONNX Runtime {store.Provider} provider, " +
                 $"intra-op threads {store.Options.IntraOpThreads}, {options.Seconds.ToString(CultureInfo.InvariantCulture)} s per figure.");
            Line();
            // First, while nothing else has grown the process.
            var memory = MemoryBench.Run(store, name => LoadPixels(Path.Combine(images, name)));
            Line("| process RSS | MiB |");
            Line("|---|---:|");
            Line($"| images decoded, no model loaded | {memory.BeforeMiB} |");
            Line($"| + the worker's models ({string.Join(", ", memory.Models)}) loaded and run once | {memory.LoadedMiB} (+{memory.LoadedMiB - memory.BeforeMiB}) |");
            Line();
            Line("| model | image | Run only ms | pipeline ms (1 thread) | images/s, 1 thread | images/s, 2 threads (one session) |");
            Line("|---|---|---:|---:|---:|---:|");
            foreach (var row in ModelBench.Run(store, name => LoadPixels(Path.Combine(images, name)), options.Seconds))
            {
                Line($"| {row.Model} | {row.Image} | {row.RunMs:F1} | {row.PipelineMs:F1} | {row.OneThreadPerSecond:F1} | {row.TwoThreadsPerSecond:F1} |");
            }

            Line();
            var source = ThumbnailBench.CreateSource(work, Path.Combine(images, "faces_group_children.jpg"));
            var thumbnail = ThumbnailBench.Run(source, work, repetitions: 5);
            Line($"| decode + thumbnail to {ThumbnailBench.Size} px + JPEG encode, 4000x3000 JPEG ({thumbnail.SourceBytes / 1024} KiB) | ms/image |");
            Line("|---|---:|");
            Line($"| ours (Imaging: read file, thumbnail_source, encode, write) | {thumbnail.OursMs:F1} |");
            Line($"| `vipsthumbnail` (20 files in one process) | {thumbnail.VipsThumbnailBatchMs:F1} |");
            Line($"| `vips thumbnail` (one process per image, incl. start-up) | {thumbnail.VipsThumbnailProcessMs:F1} |");
            Line($"| **ratio ours / vipsthumbnail** (target <= 1.1) | **{thumbnail.Ratio:F2}x** |");


            if (options.Output is not null)
            {
                File.WriteAllText(options.Output, report.ToString());
            }
            return CliApp.Ok;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static PixelBuffer LoadPixels(string path)
    {
        using var image = VipsImage.LoadFile(path);
        using var upright = image.AutoRotate();
        return upright.ToPixels();
    }

    internal static string SharedImages() =>
        Environment.GetEnvironmentVariable("VISION_IMAGES_DIR") is { Length: > 0 } configured
            ? configured
            : RepositoryLayout.UnderRoot("..", "shared", "images") is { } beside
                ? Path.GetFullPath(beside)
                : throw new InvalidOperationException("Shared images not found: set VISION_IMAGES_DIR.");
}
