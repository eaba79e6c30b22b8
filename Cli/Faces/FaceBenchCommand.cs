using System.Globalization;
using VisionAspire.Cli.Bench;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Cli.Faces;

/// <summary>
/// <c>faces-bench</c>: recognition cost per face (quality check + alignment + embedding) and per image of 8 faces
/// (with detection), and exact identification against synthetic galleries, each as a ratio to the embedding of one
/// face measured in the same run. One thread, as the Api runs a request.
/// </summary>
public static class FaceBenchCommand
{
    private static readonly int[] GallerySizes = [1_000, 10_000, 100_000];

    public static int Run(double seconds, TextWriter stdout)
    {
        var store = ModelStore.CreateDefault();
        using var detector = new YuNetDetector(store);
        using var embedder = new FaceEmbedder(store);
        var recognizer = new FaceRecognizer(detector, embedder, new FaceQualityOptions());
        var group = BenchCommand.LoadPixels(Path.Combine(BenchCommand.SharedImages(), "faces_group_children.jpg"));
        var faces = detector.Detect(group);
        var face = faces[0];

        var embedMs = Stopwatches.MillisecondsPerCall(() => embedder.Embed(group, face), seconds);
        var assessMs = Stopwatches.MillisecondsPerCall(() => recognizer.Assess(group, face), seconds);
        var imageMs = Stopwatches.MillisecondsPerCall(() => recognizer.Recognize(group), seconds);
        var detectMs = Stopwatches.MillisecondsPerCall(() => detector.Detect(group), seconds);

        stdout.WriteLine($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, one thread, {seconds.ToString(CultureInfo.InvariantCulture)} s per figure.");
        stdout.WriteLine();
        stdout.WriteLine("| step | ms | / embedding of one face |");
        stdout.WriteLine("|---|---:|---:|");
        Row(stdout, "embedding of one face (alignment warp + MobileFaceNet + L2) = baseline", embedMs, embedMs);
        Row(stdout, "one face recognised (size check + aligned sharpness + embedding)", assessMs, embedMs);
        Row(stdout, $"YuNet detection, faces_group_children.jpg ({group.Width}x{group.Height})", detectMs, embedMs);
        Row(stdout, $"whole image, {faces.Count} faces (detection + {faces.Count} recognised)", imageMs, embedMs);
        var random = new Random(12);
        var query = Unit(random, 128);
        foreach (var size in GallerySizes)
        {
            var index = new ExactFaceIndex(Enumerable.Range(0, size)
                .Select(i => new IndexedFace(Guid.NewGuid(), Guid.NewGuid(), Unit(random, 128))).ToList(), 128);
            var searchMs = Stopwatches.MillisecondsPerCall(() => index.Search(query, 3, 0.5f), seconds);
            Row(stdout, $"exact search, one face against {size:N0} enrolled faces (top 3, threshold 0.5)", searchMs, embedMs);
        }
        return CliApp.Ok;
    }

    private static void Row(TextWriter stdout, string step, double ms, double baseline) =>
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {ms:F3} | {ms / baseline:F2} |"));

    private static float[] Unit(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        var norm = 0f;
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        norm = MathF.Sqrt(norm);
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] /= norm;
        }
        return vector;
    }
}
