using Npgsql;
using VisionAspire.Data;
using static VisionAspire.Bench.Database.ScratchDatabase;

namespace VisionAspire.Bench.History;

/// <summary>
/// Fills a migrated database with one user's <c>rows</c> predictions (five per image: three ImageNet classes, the
/// CIFAR-10 label, an object box; over the last 30 days) and a quarter as many of 50 other users, so the owner index
/// has to pick one user's range out of others'. Written as single statements with the images' row triggers off (stats
/// counters, status NOTIFY: a million of them in one transaction is what the services never do).
/// </summary>
internal static class Seeding
{
    public static async Task<(Guid User, int Others)> PredictionsAsync(NpgsqlDataSource db, int rows)
    {
        const int others = 50;
        var users = new UserRepository(db);
        var user = await users.GetOrCreateAsync("measured@example.com", UserRoles.User, CancellationToken.None);
        for (var i = 0; i < others; i++)
        {
            await users.GetOrCreateAsync($"other-{i}@example.com", UserRoles.User, CancellationToken.None);
        }

        await ExecuteAsync(db, "ALTER TABLE images DISABLE TRIGGER USER");
        await ExecuteAsync(db, "ALTER TABLE predictions DISABLE TRIGGER USER");
        await ImagesAsync(db, "id = @user", rows / 5, ("user", user.Id));
        await ImagesAsync(db, "email LIKE 'other-%'", rows / 4 / 5 / others);
        await ExecuteAsync(db, """
            INSERT INTO predictions (image_id, user_id, task, model, model_version, ordinal, label, confidence, prediction_time_ms, created_at)
            SELECT i.id, i.user_id, t.task, t.model, '1', t.ordinal, 'label ' || t.ordinal, random(), 5 + random() * 20, i.created_at
            FROM images i
            CROSS JOIN (VALUES ('classification', 'squeezenet', 0), ('classification', 'squeezenet', 1), ('classification', 'squeezenet', 2),
                               ('cifar10', 'squeezenet', 0), ('object-detection', 'yolox-nano', 0)) AS t (task, model, ordinal)
            """);
        await ExecuteAsync(db, "ALTER TABLE images ENABLE TRIGGER USER");
        await ExecuteAsync(db, "ALTER TABLE predictions ENABLE TRIGGER USER");
        // What the counting triggers would have written, all at once.
        await ExecuteAsync(db, "INSERT INTO prediction_counts SELECT user_id, task, count(*) FROM predictions WHERE user_id IS NOT NULL GROUP BY 1, 2");
        // As autovacuum leaves a table that has settled: statistics, and the visibility map index-only scans rely on.
        await ExecuteAsync(db, "VACUUM ANALYZE images");
        await ExecuteAsync(db, "VACUUM ANALYZE predictions");
        return (user.Id, others);
    }

    /// <summary><paramref name="perUser"/> completed images for each user matching <paramref name="users"/>, created over the last 30 days.</summary>
    private static Task ImagesAsync(NpgsqlDataSource db, string users, int perUser, params (string Name, object Value)[] parameters) =>
        ExecuteAsync(db, $"""
            INSERT INTO images (id, sha256, filename, content_type, size_bytes, width, height, kind, status, storage_key, user_id, created_at, updated_at)
            SELECT gen_random_uuid(), md5(u.id::text || i::text), 'photo.jpg', 'image/jpeg', 500000, 1280, 960, 'object', 'completed',
                   'originals/' || i, u.id, now() - random() * interval '30 days', now()
            FROM (SELECT id FROM users WHERE {users}) u, generate_series(1, @per_user) AS i
            """, [.. parameters, ("per_user", perUser)]);

    public static async Task<string> ExplainAsync(NpgsqlDataSource db, PredictionHistoryQuery query)
    {
        await using var explain = db.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + PredictionHistoryRepository.PageSql(query));
        explain.Parameters.AddWithValue("user_id", query.OwnerId);
        explain.Parameters.AddWithValue("limit", query.Limit);
        explain.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.Limit);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
