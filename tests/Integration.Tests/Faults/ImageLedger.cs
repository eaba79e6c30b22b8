using Npgsql;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>An image row as the pipeline left it.</summary>
public sealed record ImageRow(Guid Id, string Sha256, string Status, string? Error);

/// <summary>
/// What Postgres holds about a set of uploads, keyed by their bytes' SHA-256 (an upload that got no answer still has
/// bytes, and its row, if any, is found by them). Queries retry while the server is unreachable.
/// </summary>
public sealed class ImageLedger(NpgsqlDataSource database)
{
    public Task<IReadOnlyList<ImageRow>> RowsAsync(IReadOnlyCollection<string> sha256s) =>
        WithRetryAsync<IReadOnlyList<ImageRow>>(async () =>
        {
            await using var command = database.CreateCommand("SELECT id, sha256, status, error FROM images WHERE sha256 = ANY(@sha256s)");
            command.Parameters.AddWithValue("sha256s", sha256s.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<ImageRow>();
            while (await reader.ReadAsync())
            {
                rows.Add(new ImageRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
            return rows;
        });

    /// <summary>
    /// Prediction rows that break exactly-once results among the images: a second row for the same result key, or an
    /// image task answered by more than one model version or with gaps or repeats in a model's output positions (a
    /// redelivered result written beside the first instead of over it).
    /// </summary>
    public Task<long> DuplicatePredictionsAsync(IReadOnlyCollection<Guid> imageIds) =>
        WithRetryAsync(async () =>
        {
            await using var command = database.CreateCommand("""
                SELECT
                  (SELECT coalesce(sum(n - 1), 0)::bigint FROM (
                     SELECT count(*) AS n FROM predictions WHERE image_id = ANY(@ids)
                     GROUP BY image_id, task, model, model_version, ordinal HAVING count(*) > 1) same_key)
                + (SELECT count(*) FROM (
                     SELECT 1 FROM predictions WHERE image_id = ANY(@ids)
                     GROUP BY image_id, task, model
                     HAVING count(DISTINCT model_version) > 1 OR count(*) <> max(ordinal) + 1) inconsistent)
                """);
            command.Parameters.AddWithValue("ids", imageIds.ToArray());
            return (long)(await command.ExecuteScalarAsync())!;
        });

    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> query)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                return await query();
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
