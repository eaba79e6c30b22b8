using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Reads stored predictions by owner (GET /api/v1/predictions): migration 0009's indexes on (user_id, created_at,
/// id) and (user_id, task, created_at, id) give a page as one index range, and its counters the total, however many
/// rows the owner has. A deep page still walks the index entries before it (an index-only scan).
/// Thread-safe: every call uses its own pooled connection.
/// </summary>
public sealed class PredictionHistoryRepository(NpgsqlDataSource db)
{
    public const int MaxPageSize = 100;

    private const string Columns = "p.id, p.image_id, p.task, p.label, p.confidence, p.model, p.model_version, p.prediction_time_ms, p.created_at";

    /// <summary>
    /// The page and the total matching the query; one round trip. Newest first; the rows of one model run (one
    /// created_at) in the model's output order.
    /// </summary>
    public async Task<(IReadOnlyList<PredictionEntry> Items, long Total)> ListAsync(PredictionHistoryQuery query, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxPageSize);

        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Parameterised(TotalSql(query), query));
        var page = Parameterised(PageSql(query), query);
        page.Parameters.AddWithValue("limit", query.Limit);
        page.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.Limit);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        return (await ReadAllAsync(reader, ct), total);
    }

    /// <summary>
    /// The statement <see cref="ListAsync"/> reads a page with (public for EXPLAIN in bench/History). The page's ids come
    /// from the index alone (an index-only scan walks past the skipped rows without visiting the table); only the
    /// rows of the page are then read.
    /// </summary>
    public static string PageSql(PredictionHistoryQuery query) => $"""
        SELECT {Columns}
        FROM (SELECT id, created_at FROM predictions WHERE {Filter(query)} ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset) page
        JOIN predictions p ON p.id = page.id
        ORDER BY page.created_at DESC, page.id
        """;

    /// <summary>The prediction, if it exists and <paramref name="scope"/> may see it.</summary>
    public async Task<PredictionEntry?> GetAsync(long id, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM predictions p WHERE p.id = @id AND {scope.Condition("p.user_id")}");
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return (await ReadAllAsync(reader, ct)).SingleOrDefault();
    }

    /// <summary>The image's predictions of <paramref name="task"/>, in the model's output order (best first for classification).</summary>
    public async Task<IReadOnlyList<PredictionEntry>> ForImageAsync(Guid imageId, string task, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM predictions p WHERE p.image_id = @image_id AND p.task = @task ORDER BY p.model, p.model_version, p.ordinal");
        command.Parameters.AddWithValue("image_id", imageId);
        command.Parameters.AddWithValue("task", task);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadAllAsync(reader, ct);
    }

    // Without a time window the total is the owner's counters (migration 0009's triggers keep them); a window is counted.
    private static string TotalSql(PredictionHistoryQuery query) =>
        query.From is null && query.To is null
            ? $"SELECT coalesce(sum(predictions), 0)::bigint FROM prediction_counts WHERE user_id = @user_id{(query.Task is null ? "" : " AND task = @task")}"
            : $"SELECT count(*) FROM predictions WHERE {Filter(query)}";

    // Only the conditions a query has: each combination is its own plain statement, planned for the index that fits.
    private static string Filter(PredictionHistoryQuery query) =>
        string.Join(" AND ", new[]
        {
            "user_id = @user_id",
            query.Task is null ? null : "task = @task",
            query.From is null ? null : "created_at >= @from",
            query.To is null ? null : "created_at < @to",
        }.OfType<string>());

    private static NpgsqlBatchCommand Parameterised(string sql, PredictionHistoryQuery query)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("user_id", query.OwnerId);
        if (query.Task is { } task)
        {
            command.Parameters.AddWithValue("task", task);
        }

        if (query.From is { } from)
        {
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            command.Parameters.AddWithValue("to", to.ToUniversalTime());
        }

        return command;
    }

    private static async Task<IReadOnlyList<PredictionEntry>> ReadAllAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var entries = new List<PredictionEntry>();
        while (await r.ReadAsync(ct))
        {
            entries.Add(new PredictionEntry(
                r.GetInt64(0),
                r.GetGuid(1),
                r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFloat(4),
                r.GetString(5),
                r.GetString(6),
                r.GetDouble(7),
                r.GetFieldValue<DateTimeOffset>(8)));
        }

        return entries;
    }
}
