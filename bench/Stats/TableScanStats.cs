using Npgsql;

namespace VisionAspire.Bench.Stats;

/// <summary>
/// The baseline: what /stats would have to run without the rollups, straight from images and predictions (no index
/// serves these filters, so each is a scan of the table).
/// </summary>
internal static class TableScanStats
{
    public static async Task ReadAsync(NpgsqlDataSource db)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT status, coalesce(kind, 'unknown'), count(*) FROM images GROUP BY 1, 2"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT w.m, count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'failed'),
                   percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at))
                       FILTER (WHERE status = 'completed')
            FROM images, unnest(ARRAY[1, 5, 60]) AS w (m)
            WHERE status IN ('completed', 'failed') AND updated_at >= now() - make_interval(mins => w.m)
            GROUP BY w.m
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT task, model, model_version, count(*), avg(prediction_time_ms),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY prediction_time_ms)
            FROM predictions WHERE created_at >= now() - interval '60 minutes'
            GROUP BY 1, 2, 3
            """));
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
            }
        }
        while (await reader.NextResultAsync());
    }
}
