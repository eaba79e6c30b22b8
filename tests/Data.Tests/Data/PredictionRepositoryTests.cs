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
        Assert.Equal(ImageStatus.Completed, (await images.GetAsync(imageId, OwnerScope.Everyone, CancellationToken.None))!.Status);
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
        Assert.Equal(ImageStatus.Uploaded, (await images.GetAsync(imageId, OwnerScope.Everyone, CancellationToken.None))!.Status);
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

    [Fact]
    public async Task A_save_is_one_round_trip()
    {
        var (_, predictions, imageId) = await ArrangeAsync();

        using var trips = new RoundTrips();
        await predictions.SaveAsync(imageId, Predictions(imageId), markCompleted: true, CancellationToken.None);

        Assert.Single(trips.Executed);
    }

    [Fact]
    public async Task Completing_an_image_writes_predictions_status_and_job_item_in_one_round_trip()
    {
        var (images, predictions, jobs, jobId, imageIds) = await ArrangeJobAsync(2);
        var rows = Predictions(imageIds[1]);
        await images.UpdateStatusAsync(imageIds[1], ImageStatus.Processing, null, CancellationToken.None);

        bool recorded;
        using (var trips = new RoundTrips())
        {
            recorded = await predictions.CompleteImageAsync(imageIds[1], rows, new JobItemKey(jobId, 1), CancellationToken.None);
            Assert.Single(trips.Executed);
        }

        Assert.True(recorded);
        var stored = await predictions.GetForImageAsync(imageIds[1], CancellationToken.None);
        Assert.Equal(rows.OrderBy(p => p.Task).Select(Normalise), stored.Select(Normalise));
        var image = (await images.GetAsync(imageIds[1], OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((ImageStatus.Completed, (string?)null), (image.Status, image.Error));
        var job = (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Running, 1, 0), (job.Status, job.Done, job.Failed));
        Assert.Equal([JobItemStatus.Pending, JobItemStatus.Completed], job.Items.Select(i => i.Status));
        Assert.Equal(imageIds[1], job.Items[1].ImageId);
        Assert.Equal(ImageStatus.Uploaded, (await images.GetAsync(imageIds[0], OwnerScope.Everyone, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Replaying_a_completion_leaves_the_same_rows_and_counts_the_item_once()
    {
        var (_, predictions, jobs, jobId, imageIds) = await ArrangeJobAsync(1);
        var rows = Predictions(imageIds[0]);

        Assert.True(await predictions.CompleteImageAsync(imageIds[0], rows, new JobItemKey(jobId, 0), CancellationToken.None));
        var once = (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.False(await predictions.CompleteImageAsync(imageIds[0], rows, new JobItemKey(jobId, 0), CancellationToken.None));

        var twice = (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Completed, 1, 0), (twice.Status, twice.Done, twice.Failed));
        Assert.Equal(once.History, twice.History);
        Assert.Equal([JobStatus.Pending, JobStatus.Completed], twice.History.Select(e => e.Status));
        Assert.Equal(rows.Count, (await predictions.GetForImageAsync(imageIds[0], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Concurrent_completions_of_the_items_of_one_job_count_each_item_once()
    {
        const int total = 24;
        var (images, predictions, jobs, jobId, imageIds) = await ArrangeJobAsync(total);

        // Every image is completed twice, all at once (a redelivery racing the first delivery).
        var recorded = await Task.WhenAll(Enumerable.Range(0, total).SelectMany(i => new[] { i, i }).Select(i => Task.Run(() =>
            predictions.CompleteImageAsync(imageIds[i], Predictions(imageIds[i]), new JobItemKey(jobId, i), CancellationToken.None))));

        Assert.Equal(total, recorded.Count(r => r));
        var job = (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Completed, total, 0), (job.Status, job.Done, job.Failed));
        Assert.Equal(imageIds.Select(id => (Guid?)id), job.Items.Select(i => i.ImageId));
        Assert.Equal([JobStatus.Pending, JobStatus.Completed], job.History.Select(e => e.Status));
        foreach (var id in imageIds)
        {
            Assert.Equal(ImageStatus.Completed, (await images.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!.Status);
            Assert.Equal(3, (await predictions.GetForImageAsync(id, CancellationToken.None)).Count);
        }
    }

    [Fact]
    public async Task Completing_a_missing_image_throws_and_records_nothing()
    {
        var (_, predictions, jobs, jobId, _) = await ArrangeJobAsync(1);
        var missing = Guid.NewGuid();

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            predictions.CompleteImageAsync(missing, Predictions(missing), new JobItemKey(jobId, 0), CancellationToken.None));

        Assert.Empty(await predictions.GetForImageAsync(missing, CancellationToken.None));
        var job = (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Pending, 0, JobItemStatus.Pending), (job.Status, job.Done, job.Items[0].Status));
    }

    [Fact]
    public async Task Completing_for_an_unknown_job_item_throws_after_completing_the_image()
    {
        var (images, predictions, _, jobId, imageIds) = await ArrangeJobAsync(1);

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            predictions.CompleteImageAsync(imageIds[0], Predictions(imageIds[0]), new JobItemKey(jobId, 5), CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            predictions.CompleteImageAsync(imageIds[0], Predictions(imageIds[0]), new JobItemKey(Guid.NewGuid(), 0), CancellationToken.None));

        Assert.Equal(ImageStatus.Completed, (await images.GetAsync(imageIds[0], OwnerScope.Everyone, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Completing_without_a_job_item_completes_only_the_image()
    {
        var (images, predictions, jobs, jobId, imageIds) = await ArrangeJobAsync(1);

        Assert.False(await predictions.CompleteImageAsync(imageIds[0], Predictions(imageIds[0]), null, CancellationToken.None));

        Assert.Equal(ImageStatus.Completed, (await images.GetAsync(imageIds[0], OwnerScope.Everyone, CancellationToken.None))!.Status);
        Assert.Equal(0, (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!.Done);
    }

    [Fact]
    public async Task A_replayed_result_updates_the_rows_it_wrote_and_drops_the_ones_it_no_longer_has()
    {
        var (_, predictions, imageId) = await ArrangeAsync();
        var db = await servers.DatabaseForAsync(GetType());
        var rows = Predictions(imageId);
        await predictions.SaveAsync(imageId, rows, markCompleted: true, CancellationToken.None);
        var firstIds = await RowIdsAsync(db, imageId);

        // The same result again, with one classification fewer and a new score: an update in place, not new rows.
        var replay = new List<PredictionRecord> { rows[0] with { Confidence = 0.5f }, rows[2] };
        await predictions.SaveAsync(imageId, replay, markCompleted: true, CancellationToken.None);

        Assert.Equal(replay.Select(Normalise), (await predictions.GetForImageAsync(imageId, CancellationToken.None)).Select(Normalise));
        Assert.Equal([firstIds[0], firstIds[2]], await RowIdsAsync(db, imageId));
    }

    [Fact]
    public async Task The_table_refuses_a_second_copy_of_a_result_row()
    {
        var (_, predictions, imageId) = await ArrangeAsync();
        var db = await servers.DatabaseForAsync(GetType());
        await predictions.SaveAsync(imageId, Predictions(imageId), markCompleted: false, CancellationToken.None);

        await using var copy = db.CreateCommand("""
            INSERT INTO predictions (image_id, task, model, model_version, ordinal, prediction_time_ms)
            SELECT image_id, task, model, model_version, ordinal, prediction_time_ms FROM predictions WHERE image_id = @id LIMIT 1
            """);
        copy.Parameters.AddWithValue("id", imageId);
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => copy.ExecuteNonQueryAsync());
        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task A_late_completion_leaves_a_failed_image_failed()
    {
        var (images, predictions, imageId) = await ArrangeAsync();
        await images.UpdateStatusAsync(imageId, ImageStatus.Failed, "crashed the worker 6 times", CancellationToken.None);

        await predictions.CompleteImageAsync(imageId, Predictions(imageId), item: null, CancellationToken.None);

        var image = (await images.GetAsync(imageId, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((ImageStatus.Failed, "crashed the worker 6 times"), (image.Status, image.Error));
    }

    private static async Task<List<long>> RowIdsAsync(Npgsql.NpgsqlDataSource db, Guid imageId)
    {
        await using var command = db.CreateCommand("SELECT id FROM predictions WHERE image_id = @id ORDER BY task, model, model_version, ordinal");
        command.Parameters.AddWithValue("id", imageId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<(ImageRepository, PredictionRepository, JobRepository, Guid JobId, List<Guid> ImageIds)> ArrangeJobAsync(int total)
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var job = new NewJob(Guid.NewGuid(), "upload", total, null);
        var imageIds = new List<Guid>();
        for (var i = 0; i < total; i++)
        {
            var (image, _) = i == 0
                ? await images.InsertOrGetBySha256Async(TestImages.New(), job, CancellationToken.None)
                : await images.InsertOrGetBySha256Async(TestImages.New(), job.Id, CancellationToken.None);
            imageIds.Add(image.Id);
        }

        return (images, new PredictionRepository(db), new JobRepository(db), job.Id, imageIds);
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
