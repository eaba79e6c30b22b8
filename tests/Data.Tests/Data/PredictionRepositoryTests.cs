using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class PredictionRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task Replaying_a_save_leaves_the_same_rows_and_marks_the_image_completed()
    {
        var (images, predictions, imageId) = await ArrangeAsync();
        var rows = Predictions(imageId);

        await predictions.SaveAsync(imageId, rows, markCompleted: true, CancellationToken.None);
        await predictions.SaveAsync(imageId, rows, markCompleted: true, CancellationToken.None);

        var stored = await predictions.GetForImageAsync(imageId, CancellationToken.None);
        Assert.Equal(rows.OrderBy(p => p.Task).Select(Normalise), stored.Select(Normalise));
        Assert.Equal(ImageStatus.Completed, (await images.GetAsync(imageId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Saving_one_task_replaces_only_that_tasks_rows()
    {
        var (images, predictions, imageId) = await ArrangeAsync();
        await predictions.SaveAsync(imageId, Predictions(imageId), markCompleted: false, CancellationToken.None);

        var reclassified = new PredictionRecord(imageId, "classification", "squeezenet", "1.1", "dog", 0.9f, null, 3.5);
        await predictions.SaveAsync(imageId, [reclassified], markCompleted: false, CancellationToken.None);

        var stored = await predictions.GetForImageAsync(imageId, CancellationToken.None);
        Assert.Equal(["dog", "face"], stored.Select(p => p.Label));
        Assert.Equal(ImageStatus.Uploaded, (await images.GetAsync(imageId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Concurrent_saves_for_one_image_do_not_duplicate_rows()
    {
        var (_, predictions, imageId) = await ArrangeAsync();
        var rows = Predictions(imageId);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => predictions.SaveAsync(imageId, rows, markCompleted: true, CancellationToken.None))));

        Assert.Equal(rows.Count, (await predictions.GetForImageAsync(imageId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Saving_for_a_missing_image_throws_and_writes_nothing()
    {
        var (_, predictions, _) = await ArrangeAsync();
        var missing = Guid.NewGuid();

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            predictions.SaveAsync(missing, Predictions(missing), markCompleted: true, CancellationToken.None));
        Assert.Empty(await predictions.GetForImageAsync(missing, CancellationToken.None));
    }

    private async Task<(ImageRepository, PredictionRepository, Guid)> ArrangeAsync()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        return (images, new PredictionRepository(db), image.Id);
    }

    private static List<PredictionRecord> Predictions(Guid imageId) =>
    [
        new(imageId, "classification", "squeezenet", "1.1", "tabby", 0.71f, """{"topK":[{"label":"tabby","score":0.71}]}""", 4.25),
        new(imageId, "classification", "squeezenet", "1.1", null, null, null, 4.25),
        new(imageId, "face-detection", "ultraface", "rfb-320", "face", 0.98f, """{"box":[1,2,3,4]}""", 9.5),
    ];

    // jsonb normalises whitespace, so compare payloads as parsed documents.
    private static string Normalise(PredictionRecord p) =>
        $"{p.Task}|{p.Model}|{p.ModelVersion}|{p.Label}|{p.Confidence}|{p.PredictionTimeMs}|" +
        (p.PayloadJson is null ? "null" : System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(p.PayloadJson)));
}
