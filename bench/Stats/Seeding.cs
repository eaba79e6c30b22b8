using Npgsql;
using static VisionAspire.Bench.Database.ScratchDatabase;

namespace VisionAspire.Bench.Stats;

/// <summary>
/// Fills a migrated database as a day of steady work would have: images, two predictions per completed image, and the
/// rollups of the last day as the triggers would have written them. The images go in as one statement with the row
/// trigger off and the counts are then taken as migration 0005's backfill takes them: a row trigger fired a million
/// times in one transaction updates the same counter row each time, and every update walks the chain of the
/// transaction's own earlier versions (quadratic); the services write one image per transaction.
/// </summary>
internal static class Seeding
{
    public static async Task ImagesAsync(NpgsqlDataSource db, int count)
    {
        // 93 % completed, 4 % failed, the rest in flight; 40 % faces; created over the last day; done 0.5-20 s later.
        await ExecuteAsync(db, "ALTER TABLE images DISABLE TRIGGER stats_track_image");
        await ExecuteAsync(db, """
            INSERT INTO images (id, sha256, filename, content_type, size_bytes, width, height, kind, status, storage_key, created_at, updated_at)
            SELECT gen_random_uuid(), md5(i::text), 'photo.jpg', 'image/jpeg', 500000, 1280, 960,
                   CASE WHEN i % 5 < 2 THEN 'face' ELSE 'object' END,
                   CASE WHEN i % 100 < 93 THEN 'completed' WHEN i % 100 < 97 THEN 'failed'
                        WHEN i % 100 < 98 THEN 'processing' WHEN i % 100 < 99 THEN 'queued' ELSE 'uploaded' END,
                   'originals/' || i, created, created + (0.5 + random() * 19.5) * interval '1 second'
            FROM generate_series(1, @count) AS i,
                 LATERAL (SELECT now() - random() * interval '1 day') AS c (created)
            """, ("count", count));
        await ExecuteAsync(db, "ALTER TABLE images ENABLE TRIGGER stats_track_image");
        await ExecuteAsync(db, "TRUNCATE stats_image_counts");
        await ExecuteAsync(db, "INSERT INTO stats_image_counts SELECT status, coalesce(kind, 'unknown'), count(*) FROM images GROUP BY 1, 2");
        await ExecuteAsync(db, """
            INSERT INTO predictions (image_id, task, model, model_version, ordinal, label, confidence, prediction_time_ms, created_at)
            SELECT id, t.task, t.model, '1', 0, 'label', 0.9, t.base_ms * (0.7 + random() * 0.6), updated_at
            FROM images
            CROSS JOIN (VALUES ('classification', 'squeezenet', 9.0), ('object-detection', 'yolox-nano', 25.0)) AS t (task, model, base_ms)
            WHERE status = 'completed'
            """);
        await ExecuteAsync(db, "VACUUM ANALYZE images");
        await ExecuteAsync(db, "VACUUM ANALYZE predictions");
    }

    /// <summary>A day of rollups at the seeded rate: every 10-second slot, every minute's histograms.</summary>
    public static async Task RollupsAsync(NpgsqlDataSource db, int imagesPerDay)
    {
        await ExecuteAsync(db, "TRUNCATE stats_image_outcomes, stats_latency_minutes, stats_model_run_minutes");
        var perSlot = Math.Max(1, imagesPerDay / 8640);
        await ExecuteAsync(db, """
            INSERT INTO stats_image_outcomes
            SELECT slot, kind, outcome, greatest(1, round(@per_slot * share * (0.5 + random())))::bigint
            FROM generate_series(to_timestamp(floor(extract(epoch FROM now() - interval '1 day') / 10) * 10), now(), interval '10 seconds') AS slot,
                 (VALUES ('face', 0.4), ('object', 0.6)) AS k (kind, kind_share),
                 LATERAL (VALUES ('completed', 0.96 * kind_share), ('failed', 0.04 * kind_share)) AS o (outcome, share)
            """, ("per_slot", (double)perSlot));
        // Latency 0.5-20 s: the buckets between them, each minute.
        await ExecuteAsync(db, """
            INSERT INTO stats_latency_minutes
            SELECT minute, kind, bucket, 1 + (random() * @per_bucket)::bigint
            FROM generate_series(date_trunc('minute', now() - interval '1 day'), now(), interval '1 minute') AS minute,
                 (VALUES ('face'), ('object')) AS k (kind),
                 generate_series(stats_duration_bucket(500)::int, stats_duration_bucket(20000)::int) AS bucket
            """, ("per_bucket", perSlot * 6.0 / 40));
        await ExecuteAsync(db, """
            INSERT INTO stats_model_run_minutes
            SELECT minute, m.task, m.model, '1', bucket, 1 + (random() * @per_bucket)::bigint, 0
            FROM generate_series(date_trunc('minute', now() - interval '1 day'), now(), interval '1 minute') AS minute,
                 (VALUES ('face-detection', 'yunet', 17.0), ('face-embedding', 'mobilefacenet', 7.0), ('classification', 'squeezenet', 9.0),
                         ('cifar10', 'cifar10-resnet', 5.0), ('object-detection', 'yolox-nano', 25.0)) AS m (task, model, base_ms),
                 generate_series(stats_duration_bucket(m.base_ms * 0.7)::int, stats_duration_bucket(m.base_ms * 1.3)::int) AS bucket
            """, ("per_bucket", perSlot * 6.0 / 6));
        await ExecuteAsync(db, "UPDATE stats_model_run_minutes SET total_ms = runs * power(1.1, bucket - 0.5)");
        await ExecuteAsync(db, "VACUUM ANALYZE stats_image_outcomes, stats_latency_minutes, stats_model_run_minutes");
    }
}
