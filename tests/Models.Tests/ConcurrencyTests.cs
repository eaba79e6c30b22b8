namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class ConcurrencyTests(PipelinesFixture models)
{
    private const int Threads = 3;
    private const int RunsPerThread = 4;

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

    private static List<T> RunConcurrently<T>(Func<T> work)
    {
        using var start = new Barrier(Threads);
        var results = new List<T>[Threads];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            results[t] = [];
            start.SignalAndWait();
            for (var i = 0; i < RunsPerThread; i++)
            {
                results[t].Add(work());
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        return results.SelectMany(r => r).ToList();
    }
}
