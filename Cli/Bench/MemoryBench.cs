using System.Text.RegularExpressions;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Cli.Bench;

/// <summary>Resident memory of this process before and after loading (and running once) the models a worker replica holds.</summary>
internal static partial class MemoryBench
{
    public sealed record Result(long BeforeMiB, long LoadedMiB, IReadOnlyList<string> Models);

    public static Result Run(ModelStore store, Func<string, PixelBuffer> load)
    {
        var photo = load("faces_group_children.jpg");
        var before = ResidentMiB();
        // The three pipelines Workers.Gpu's WorkerModels holds for its whole life.
        using var classifier = new ImageClassifier(store);
        using var embedder = new FaceEmbedder(store);
        using var objects = new ObjectDetector(store);
        classifier.Classify(photo);
        embedder.Embed(photo, new FaceDetection(new Box(100, 100, 200, 200), 1, null));
        objects.Detect(photo);
        return new Result(before, ResidentMiB(), [classifier.Model.Id, embedder.Model.Id, objects.Model.Id]);
    }

    private static long ResidentMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return long.Parse(VmRss().Match(File.ReadAllText("/proc/self/status")).Groups[1].Value) / 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
