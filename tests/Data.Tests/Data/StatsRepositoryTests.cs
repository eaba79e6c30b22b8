using Npgsql;
using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

/// <summary>Migration 0005's triggers and <see cref="StatsRepository"/>, each test on its own database (the windows are cumulative).</summary>
[Collection(ServersCollection.Name)]
public sealed class StatsRepositoryTests(ServersFixture servers)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Counts_by_status_and_kind_equal_a_count_of_the_images_after_every_kind_of_change()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image.Id);
        }

        foreach (var id in ids.Take(9))
        {
            await images.UpdateStatusAsync(id, ImageStatus.Preprocessing, null, None);
        }

        foreach (var (id, index) in ids.Take(8).Select((id, i) => (id, i)))
        {
            await images.SetPreprocessedAsync(id, 10, 10, index % 2 == 0 ? ImageKinds.Face : ImageKinds.Object, None);
        }

        foreach (var id in ids.Take(6))
        {
            await images.UpdateStatusAsync(id, ImageStatus.Processing, null, None);
        }

        await predictions.CompleteImageAsync(ids[0], [], null, None);
        await predictions.CompleteImageAsync(ids[1], [], null, None);
        await predictions.CompleteImageAsync(ids[1], [], null, None); // a replay changes nothing
        await images.UpdateStatusAsync(ids[2], ImageStatus.Failed, "broken", None);
        await images.UpdateStatusAsync(ids[9], ImageStatus.Failed, "undecodable", None);
        await ExecuteAsync(db, "DELETE FROM images WHERE id = @id", ids[3]);

        var read = await new StatsRepository(db).ReadAsync(None);

        Assert.Equal(await CountImagesAsync(db), read.Images.Select(c => (c.Status, c.Kind, c.Images)).ToHashSet());
        Assert.Equal(11, read.Images.Sum(c => c.Images));
        Assert.Contains(read.Images, c => c is { Status: ImageStatus.Failed, Kind: "unknown", Images: 1 });

        await ExecuteAsync(db, "TRUNCATE images CASCADE");
        Assert.Empty((await new StatsRepository(db).ReadAsync(None)).Images);
    }

    [Fact]
    public async Task Concurrent_transitions_neither_deadlock_nor_lose_counts()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var id = (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image.Id;
            await images.UpdateStatusAsync(id, ImageStatus.Preprocessing, null, None);
            await images.SetPreprocessedAsync(id, 10, 10, i % 2 == 0 ? ImageKinds.Face : ImageKinds.Object, None);
            await images.UpdateStatusAsync(id, ImageStatus.Processing, null, None);
            if (i % 5 == 0)
            {
                await images.UpdateStatusAsync(id, ImageStatus.Failed, "bad", None);
            }
            else
            {
                await predictions.CompleteImageAsync(id, [new PredictionRecord(id, "classification", "squeezenet", "1.1", "cat", 0.9f, null, 5 + i)], null, None);
            }
        })));

        var read = await new StatsRepository(db).ReadAsync(None);
        Assert.Equal(await CountImagesAsync(db), read.Images.Select(c => (c.Status, c.Kind, c.Images)).ToHashSet());
        Assert.Equal([(ImageStatus.Completed, 32L), (ImageStatus.Failed, 8L)],
            read.Images.GroupBy(c => c.Status).Select(g => (g.Key, g.Sum(c => c.Images))).OrderBy(x => x.Key));
        Assert.All(read.Windows, w => Assert.Equal((32, 8), (w.Completed, w.Failed)));
        Assert.Equal(32, read.ModelRuns.Single().Durations.Count);
    }

    [Fact]
    public async Task Windows_count_completions_and_failures_and_read_latency_from_the_histogram()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);
        var seconds = new[] { 2.0, 2.0, 2.0, 8.0 };
        foreach (var age in seconds)
        {
            var id = (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image.Id;
            await images.SetPreprocessedAsync(id, 10, 10, ImageKinds.Object, None);
            await ExecuteAsync(db, $"UPDATE images SET created_at = now() - interval '{age} seconds' WHERE id = @id", id);
            await predictions.CompleteImageAsync(id, [], null, None);
        }

        var failed = (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image.Id;
        await images.UpdateStatusAsync(failed, ImageStatus.Failed, "bad", None);
        // An hour-old completion counts in no window.
        await ExecuteAsync(db, """
            INSERT INTO stats_image_outcomes VALUES (now() - interval '61 minutes', 'object', 'completed', 100);
            INSERT INTO stats_latency_minutes VALUES (date_trunc('minute', now() - interval '62 minutes'), 'object', 1, 100)
            """);

        var read = await new StatsRepository(db).ReadAsync(None);

        Assert.Equal([1, 5, 60], read.Windows.Select(w => w.Minutes));
        foreach (var window in read.Windows)
        {
            Assert.Equal((4, 1), (window.Completed, window.Failed));
            Assert.InRange(window.Seconds, window.Minutes * 60, window.Minutes * 60 + 10);
            Assert.Equal(4, window.Latency.Count);
            Assert.InRange(window.Latency.Percentile(0.5)!.Value, 1_900, 2_400);
            Assert.InRange(window.Latency.Percentile(0.99)!.Value, 7_600, 8_800);
        }
    }

    [Fact]
    public async Task Model_runs_count_one_run_per_image_and_model_however_many_rows_it_wrote()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);
        foreach (var detectMs in new[] { 10.0, 20.0 })
        {
            var id = (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image.Id;
            await predictions.CompleteImageAsync(id,
            [
                new PredictionRecord(id, "face-detection", "yunet", "2023mar", "face", 0.9f, null, detectMs),
                new PredictionRecord(id, "face-detection", "yunet", "2023mar", "face", 0.8f, null, detectMs),
                new PredictionRecord(id, "face-detection", "yunet", "2023mar", "face", 0.7f, null, detectMs),
                new PredictionRecord(id, "face-embedding", "mobilefacenet", "1", null, null, null, 4),
                new PredictionRecord(id, "face-embedding", "mobilefacenet", "1", null, null, null, 6),
            ], null, None);
        }

        var runs = (await new StatsRepository(db).ReadAsync(None)).ModelRuns;

        var detection = Assert.Single(runs, r => r.Model == "yunet");
        Assert.Equal(("face-detection", "2023mar", 2L, 15.0), (detection.Task, detection.ModelVersion, detection.Durations.Count, detection.MeanMs));
        Assert.InRange(detection.Durations.Percentile(0.95)!.Value, 19, 21);
        var embedding = Assert.Single(runs, r => r.Model == "mobilefacenet");
        Assert.Equal((4L, 5.0), (embedding.Durations.Count, embedding.MeanMs));
    }

    [Fact]
    public async Task The_sql_bucket_function_agrees_with_DurationHistogram()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        var values = new List<double> { -5, 0, 0.5, 0.999, 1, 1.1, 1.21, 2, 59_999.9, 1e12, 1e300 };
        var random = new Random(7);
        values.AddRange(Enumerable.Range(0, 500).Select(_ => Math.Exp(random.NextDouble() * 16)));

        await using var command = db.CreateCommand("SELECT stats_duration_bucket(v) FROM unnest(@values) WITH ORDINALITY AS t (v, i) ORDER BY i");
        command.Parameters.AddWithValue("values", values.ToArray());
        var fromSql = new List<short>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                fromSql.Add(reader.GetInt16(0));
            }
        }

        Assert.Equal(values.Select(DurationHistogram.BucketOf), fromSql);
    }

    [Fact]
    public async Task Pruning_deletes_only_rollups_older_than_the_retention()
    {
        var db = await servers.CreateMigratedDatabaseAsync();
        await ExecuteAsync(db, """
            INSERT INTO stats_image_outcomes VALUES (now() - interval '2 days', 'face', 'completed', 1), (now(), 'face', 'completed', 1);
            INSERT INTO stats_latency_minutes VALUES (now() - interval '2 days', 'face', 3, 1), (now(), 'face', 3, 1);
            INSERT INTO stats_model_run_minutes VALUES (now() - interval '2 days', 't', 'm', 'v', 3, 1, 2.0), (now(), 't', 'm', 'v', 3, 1, 2.0)
            """);

        var deleted = await new StatsRepository(db).PruneAsync(TimeSpan.FromDays(1), None);

        Assert.Equal(3, deleted);
        var read = await new StatsRepository(db).ReadAsync(None);
        Assert.Equal(1, read.Windows[0].Completed);
        Assert.Single(read.ModelRuns);
    }

    private static async Task<HashSet<(string, string, long)>> CountImagesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT status, coalesce(kind, 'unknown'), count(*) FROM images GROUP BY 1, 2");
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new HashSet<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            counts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return counts;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, Guid? id = null)
    {
        await using var command = db.CreateCommand(sql);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
