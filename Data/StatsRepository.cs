using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Reads the statistics that migration 0005's triggers pre-aggregate (stats_* tables), in one round trip that touches
/// at most a few thousand rollup rows whatever the number of images, and prunes old rollups. Thread-safe.
/// </summary>
public sealed class StatsRepository(NpgsqlDataSource db)
{
    public static readonly IReadOnlyList<int> WindowMinutes = [1, 5, 60];
    public const int ModelWindowMinutes = 60;

    public async Task<OperationsStats> ReadAsync(CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT now()"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT status, kind, images FROM stats_image_counts WHERE images <> 0 ORDER BY status, kind"));
        batch.BatchCommands.Add(WithWindows(new NpgsqlBatchCommand("""
            SELECT w.minutes, extract(epoch FROM now() - w.since)::float8, o.outcome, o.images
            FROM (SELECT m, to_timestamp(floor(extract(epoch FROM now() - make_interval(mins => m)) / 10) * 10)
                  FROM unnest(@windows) AS m) AS w (minutes, since)
            LEFT JOIN LATERAL (
                SELECT outcome, sum(images)::bigint AS images FROM stats_image_outcomes WHERE slot >= w.since GROUP BY outcome
            ) AS o ON true
            """)));
        batch.BatchCommands.Add(WithWindows(new NpgsqlBatchCommand("""
            SELECT w.minutes, l.bucket, sum(l.images)::bigint
            FROM unnest(@windows) AS w (minutes)
            JOIN stats_latency_minutes AS l ON l.minute >= date_trunc('minute', now() - make_interval(mins => w.minutes))
            GROUP BY w.minutes, l.bucket
            """)));
        var models = new NpgsqlBatchCommand("""
            SELECT task, model, model_version, bucket, sum(runs)::bigint, sum(total_ms)
            FROM stats_model_run_minutes WHERE minute >= date_trunc('minute', now() - make_interval(mins => @minutes))
            GROUP BY task, model, model_version, bucket
            """);
        models.Parameters.AddWithValue("minutes", ModelWindowMinutes);
        batch.BatchCommands.Add(models);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var at = reader.GetFieldValue<DateTimeOffset>(0);

        await reader.NextResultAsync(ct);
        var images = new List<ImageCount>();
        while (await reader.ReadAsync(ct))
        {
            images.Add(new ImageCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        await reader.NextResultAsync(ct);
        var seconds = new Dictionary<int, double>();
        var completed = new Dictionary<int, long>();
        var failed = new Dictionary<int, long>();
        while (await reader.ReadAsync(ct))
        {
            var minutes = reader.GetInt32(0);
            seconds[minutes] = reader.GetDouble(1);
            if (!reader.IsDBNull(2))
            {
                var outcomes = reader.GetString(2) == "completed" ? completed : failed;
                outcomes[minutes] = outcomes.GetValueOrDefault(minutes) + reader.GetInt64(3);
            }
        }

        await reader.NextResultAsync(ct);
        var latencies = WindowMinutes.ToDictionary(m => m, _ => new DurationHistogram());
        while (await reader.ReadAsync(ct))
        {
            latencies[reader.GetInt32(0)].Add(reader.GetInt16(1), reader.GetInt64(2));
        }

        await reader.NextResultAsync(ct);
        var runs = new Dictionary<(string, string, string), ModelRunStats>();
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            var model = runs.GetValueOrDefault(key) ?? new ModelRunStats(key.Item1, key.Item2, key.Item3, new DurationHistogram(), 0);
            model.Durations.Add(reader.GetInt16(3), reader.GetInt64(4));
            runs[key] = model with { TotalMs = model.TotalMs + reader.GetDouble(5) };
        }

        return new OperationsStats(
            at,
            images,
            [.. WindowMinutes.Select(m => new OutcomeWindow(
                m, seconds.GetValueOrDefault(m), completed.GetValueOrDefault(m), failed.GetValueOrDefault(m), latencies[m]))],
            [.. runs.Values.OrderBy(r => r.Task).ThenBy(r => r.Model).ThenBy(r => r.ModelVersion)]);
    }

    /// <summary>Deletes rollup rows older than <paramref name="age"/>; returns how many.</summary>
    public async Task<long> PruneAsync(TimeSpan age, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        foreach (var (table, column) in new[] { ("stats_image_outcomes", "slot"), ("stats_latency_minutes", "minute"), ("stats_model_run_minutes", "minute") })
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE {column} < now() - @age");
            delete.Parameters.AddWithValue("age", age);
            batch.BatchCommands.Add(delete);
        }

        return await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand WithWindows(NpgsqlBatchCommand command)
    {
        command.Parameters.AddWithValue("windows", WindowMinutes.ToArray());
        return command;
    }
}
