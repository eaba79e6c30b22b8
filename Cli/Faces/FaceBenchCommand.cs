using System.Globalization;
using VisionAspire.Cli.Bench;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Cli.Faces;

/// <summary>
/// <c>faces-bench</c>: recognition cost per face (quality check + alignment + embedding) and per image of 8 faces
/// (with detection), and exact identification against synthetic galleries, each as a ratio to the embedding of one
/// face measured in the same round. One ORT thread, CPU, as the Api runs a request. Rounds alternate the steps; each
/// figure is the median over rounds (the machine is shared, so single figures swing).
/// </summary>
public static class FaceBenchCommand
{
    private static readonly int[] GallerySizes = [1_000, 10_000, 100_000];

    private const int Rounds = 5;

    public static int Run(double seconds, TextWriter stdout)
    {
        var store = ModelStore.CreateDefault(new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 });
        using var detector = new YuNetDetector(store);
        using var embedder = new FaceEmbedder(store);
        var recognizer = new FaceRecognizer(detector, embedder, new FaceQualityOptions());
        var group = BenchCommand.LoadPixels(Path.Combine(BenchCommand.SharedImages(), "faces_group_children.jpg"));
        var faces = detector.Detect(group);
        var face = faces[0];

        var random = new Random(12);
        var query = Unit(random, 128);
        var steps = new List<(string Name, Action Call)>
        {
            ("embedding of one face (alignment warp + MobileFaceNet + L2) = baseline", () => embedder.Embed(group, face)),
            ("one face recognised (size check + aligned sharpness + embedding)", () => recognizer.Assess(group, face)),
            ($"YuNet detection, faces_group_children.jpg ({group.Width}x{group.Height})", () => detector.Detect(group)),
            ($"whole image, {faces.Count} faces (detection + {faces.Count} recognised)", () => recognizer.Recognize(group)),
        };
        foreach (var size in GallerySizes)
        {
            var index = new ExactFaceIndex(Enumerable.Range(0, size)
                .Select(i => new IndexedFace(Guid.NewGuid(), Guid.NewGuid(), Unit(random, 128))).ToList(), 128);
            steps.Add(($"exact search, one face against {size:N0} enrolled faces (top 3, threshold 0.5)", () => index.Search(query, 3, 0.5f)));
        }

        var ms = steps.Select(_ => new List<double>()).ToList();
        var ratios = steps.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < Rounds; round++)
        {
            var figures = steps.Select(step => Stopwatches.MillisecondsPerCall(step.Call, seconds / Rounds)).ToList();
            for (var i = 0; i < steps.Count; i++)
            {
                ms[i].Add(figures[i]);
                ratios[i].Add(figures[i] / figures[0]);
            }
        }

        stdout.WriteLine($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, ORT CPU 1 thread, {Rounds} rounds of {(seconds / Rounds).ToString(CultureInfo.InvariantCulture)} s per figure, medians.");
        stdout.WriteLine();
        stdout.WriteLine("| step | ms (median) | range over rounds | / embedding of one face, same round (median) |");
        stdout.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < steps.Count; i++)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {steps[i].Name} | {Stopwatches.Median(ms[i]):F3} | {ms[i].Min():F3}-{ms[i].Max():F3} | {Stopwatches.Median(ratios[i]):F3} |"));
        }
        return CliApp.Ok;
    }

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
