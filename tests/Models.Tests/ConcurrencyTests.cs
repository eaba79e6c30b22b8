using System.Text;
using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class ConcurrencyTests(PipelinesFixture models)
{
    private const int Threads = 3;
    private const int RunsPerThread = 4;

    /// <summary>Different sizes and content, so a buffer shared by two calls would show up as a wrong result.</summary>
    private static readonly string[] MixedImages = ["bus.jpg", "faces_family_five.jpg", "zidane.jpg", "bear_coco285.jpg"];

    [Fact]
    public void Eight_threads_over_several_images_get_exactly_the_sequential_results()
    {
        const int threads = 8;
        const int rounds = 2;
        var images = MixedImages.Select(TestImages.Load).ToArray();
        var expected = images.Select(AllResults).ToArray();

        // Each thread walks the images from a different start, so every pipeline serves different images at once.
        var results = RunConcurrently(threads, thread => Enumerable.Range(0, rounds * images.Length)
            .Select(i => (thread + i) % images.Length)
            .Select(index => (Index: index, Results: AllResults(images[index])))
            .ToList());

        Assert.Equal(threads * rounds * images.Length, results.Sum(r => r.Count));
        Assert.All(results.SelectMany(r => r), actual => Assert.Equal(expected[actual.Index], actual.Results));
    }

    [Fact]
    public void Concurrent_object_detection_matches_a_single_threaded_run()
    {
        var image = TestImages.Load("bus.jpg");
        var expected = models.Objects.Detect(image);

        var results = RunConcurrently(() => models.Objects.Detect(image));

        Assert.All(results, actual => Assert.Equal(expected, actual));
    }

    [Fact]
    public void Concurrent_face_detection_and_embedding_match_a_single_threaded_run()
    {
        var image = TestImages.Load("faces_family_five.jpg");
        var expectedFaces = models.YuNet.Detect(image);
        var expectedEmbedding = models.Embedder.Embed(image, expectedFaces[0]);

        var results = RunConcurrently(() =>
        {
            var faces = models.YuNet.Detect(image);
            return (Faces: faces, Embedding: models.Embedder.Embed(image, faces[0]));
        });

        Assert.All(results, actual =>
        {
            Assert.Equal(expectedFaces.Select(f => (f.Box, f.Score)), actual.Faces.Select(f => (f.Box, f.Score)));
            Assert.Equal(expectedEmbedding, actual.Embedding);
        });
    }

    /// <summary>Every pipeline's output for one image, floats as exact bit patterns.</summary>
    private string AllResults(PixelBuffer image)
    {
        var text = new StringBuilder();
        foreach (var detector in new IFaceDetector[] { models.UltraFace, models.YuNet, models.YuNetDynamic })
        {
            foreach (var face in detector.Detect(image))
            {
                text.Append($"face {Bits(face.Box)} {Bits(face.Score)} ");
                text.AppendJoin(' ', face.Landmarks?.Select(l => $"{Bits(l.X)},{Bits(l.Y)}") ?? []);
                text.AppendLine().AppendJoin(' ', models.Embedder.Embed(image, face).Select(Bits)).AppendLine();
            }
        }
        foreach (var found in models.Objects.Detect(image))
        {
            text.AppendLine($"object {found.Label} {Bits(found.Score)} {Bits(found.Box)}");
        }
        foreach (var label in models.Classifier.Classify(image))
        {
            text.AppendLine($"class {label.ClassId} {Bits(label.Score)}");
        }
        return text.ToString();
    }

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("x8");

    private static string Bits(Box box) => $"{Bits(box.X)},{Bits(box.Y)},{Bits(box.Width)},{Bits(box.Height)}";

    private static List<T> RunConcurrently<T>(Func<T> work) =>
        RunConcurrently(Threads, _ => Enumerable.Range(0, RunsPerThread).Select(_ => work()).ToList()).SelectMany(r => r).ToList();

    /// <summary>Starts <paramref name="threads"/> dedicated threads together (not pool tasks, which a 2-core pool would trickle in).</summary>
    private static T[] RunConcurrently<T>(int threads, Func<int, T> work)
    {
        using var start = new Barrier(threads);
        var results = new T[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = work(t);
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }
        return results;
    }
}
