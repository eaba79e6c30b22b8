using System.Diagnostics;
using Npgsql;
using VisionAspire.Bench.Database;
using VisionAspire.Data;

namespace VisionAspire.Bench.Stats;

/// <summary>
/// What the triggers add to a worker's completion (PredictionRepository.CompleteImageAsync: the image completed and its
/// predictions, one round trip): blocks of images completed with the triggers on and off, alternated.
/// </summary>
internal static class WriteCost
{
    private const int Block = 500;
    private const int Rounds = 6;

    public static async Task MeasureAsync(NpgsqlDataSource db)
    {
        var predictions = new PredictionRepository(db);
        var withTriggers = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < Rounds * 2; round++)
        {
            var enabled = round % 2 == 0;
            await ScratchDatabase.ExecuteAsync(db, $"ALTER TABLE images {(enabled ? "ENABLE" : "DISABLE")} TRIGGER stats_track_image");
            await ScratchDatabase.ExecuteAsync(db, $"ALTER TABLE predictions {(enabled ? "ENABLE" : "DISABLE")} TRIGGER stats_track_model_runs");
            var ids = await ProcessingImagesAsync(db, Block);
            var clock = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                await predictions.CompleteImageAsync(id,
                [
                    new PredictionRecord(id, "classification", "squeezenet", "1", "cat", 0.9f, null, 9.5),
                    new PredictionRecord(id, "object-detection", "yolox-nano", "1", "cat", 0.8f, null, 24.1),
                ], null, CancellationToken.None);
            }

            (enabled ? withTriggers : without).Add(clock.Elapsed.TotalMilliseconds * 1000 / Block);
        }

        await ScratchDatabase.ExecuteAsync(db, "ALTER TABLE images ENABLE TRIGGER stats_track_image");
        await ScratchDatabase.ExecuteAsync(db, "ALTER TABLE predictions ENABLE TRIGGER stats_track_model_runs");
        withTriggers.Sort();
        without.Sort();
        var (on, off) = (withTriggers[Rounds / 2], without[Rounds / 2]);
        Console.WriteLine();
        Console.WriteLine($"| CompleteImageAsync, {Block} images x {Rounds} blocks each, alternated | median µs per image |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| triggers off | {off:F0} |");
        Console.WriteLine($"| triggers on | {on:F0} |");
        Console.WriteLine($"| added by the triggers | {on - off:F0} ({(on - off) / off:P0}) |");
    }

    private static async Task<List<Guid>> ProcessingImagesAsync(NpgsqlDataSource db, int count)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO images (id, sha256, filename, content_type, size_bytes, kind, status, storage_key)
            SELECT gen_random_uuid(), md5(random()::text || i), 'photo.jpg', 'image/jpeg', 1, 'object', 'processing', 'k'
            FROM generate_series(1, @count) AS i
            RETURNING id
            """);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
