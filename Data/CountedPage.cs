using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Offset paging with the total the filter matches, both read in one round trip: the count command, then the items
/// command with <c>LIMIT @limit OFFSET @offset</c> (the parameters are added here).
/// </summary>
internal static class CountedPage
{
    /// <param name="page">Starts at 1.</param>
    /// <param name="limit">1..<paramref name="maxLimit"/>.</param>
    public static async Task<(IReadOnlyList<T> Items, long Total)> ReadAsync<T>(NpgsqlDataSource db, NpgsqlBatchCommand count,
        NpgsqlBatchCommand items, int page, int limit, int maxLimit, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, maxLimit);

        items.Parameters.AddWithValue("limit", limit);
        items.Parameters.AddWithValue("offset", (long)(page - 1) * limit);
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(items);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var list = new List<T>(limit);
        while (await reader.ReadAsync(ct))
        {
            list.Add(map(reader));
        }

        return (list, total);
    }
}
