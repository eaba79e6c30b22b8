using Npgsql;
using NpgsqlTypes;

namespace VisionAspire.Data;

/// <summary>Dead-lettered messages kept for operators. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class DeadLetterRepository(NpgsqlDataSource db)
{
    public const int MaxPageSize = 1000;

    private const string Columns =
        "id, message_id, queue, message_type, image_id, reason, attempts, first_failure_at, last_failure_at, status, settled_at";

    /// <summary>
    /// Records <paramref name="letter"/> as pending; returns false, writing nothing, when the same message from the
    /// same queue is already pending (the broker delivered the dead letter twice).
    /// </summary>
    public async Task<bool> RecordAsync(NewDeadLetter letter, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO dead_letters (id, message_id, queue, message_type, content_type, image_id, reason, attempts,
                                      first_failure_at, last_failure_at, body, status)
            VALUES (@id, @message_id, @queue, @message_type, @content_type, @image_id, @reason, @attempts,
                    @first_failure_at, @last_failure_at, @body, @pending)
            ON CONFLICT (message_id, queue) WHERE status = 'pending' DO NOTHING
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("message_id", letter.MessageId);
        command.Parameters.AddWithValue("queue", letter.Queue);
        command.Parameters.Add(new NpgsqlParameter<string?>("message_type", NpgsqlDbType.Text) { TypedValue = letter.MessageType });
        command.Parameters.Add(new NpgsqlParameter<string?>("content_type", NpgsqlDbType.Text) { TypedValue = letter.ContentType });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("image_id", NpgsqlDbType.Uuid) { TypedValue = letter.ImageId });
        command.Parameters.AddWithValue("reason", letter.Reason);
        command.Parameters.AddWithValue("attempts", letter.Attempts);
        command.Parameters.AddWithValue("first_failure_at", letter.FirstFailureAt);
        command.Parameters.AddWithValue("last_failure_at", letter.LastFailureAt);
        command.Parameters.AddWithValue("body", letter.Body);
        command.Parameters.AddWithValue("pending", DeadLetterStatus.Pending);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Newest failure first, optionally only those in <paramref name="status"/>. <paramref name="page"/> starts at 1.</summary>
    public async Task<(IReadOnlyList<DeadLetterRecord> Items, long Total)> ListAsync(int page, int limit, string? status, CancellationToken ct)
    {
        const string filter = "(@status::text IS NULL OR status = @status)";
        return await CountedPage.ReadAsync(db,
            StatusFiltered($"SELECT count(*) FROM dead_letters WHERE {filter}", status),
            StatusFiltered($"SELECT {Columns} FROM dead_letters WHERE {filter} ORDER BY last_failure_at DESC, id DESC LIMIT @limit OFFSET @offset", status),
            page, limit, MaxPageSize, Map, ct);
    }

    private static NpgsqlBatchCommand StatusFiltered(string sql, string? status)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlDbType.Text) { TypedValue = status });
        return command;
    }

    public async Task<DeadLetterRecord?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM dead_letters WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    /// <summary>
    /// Moves a pending dead letter to <c>retried</c> and returns it with its body to publish; null when it does not
    /// exist or is not pending (then nothing changed). Of concurrent callers exactly one gets it.
    /// </summary>
    public async Task<DeadLetterToRetry?> TakeForRetryAsync(Guid id, CancellationToken ct)
    {
        await using var command = SettleCommand(id, DeadLetterStatus.Retried, $"{Columns}, content_type, body");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new DeadLetterToRetry(Map(reader), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetFieldValue<byte[]>(12))
            : null;
    }

    /// <summary>Undoes <see cref="TakeForRetryAsync"/> when the message could not be published.</summary>
    public async Task ReturnToPendingAsync(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "UPDATE dead_letters SET status = @pending, settled_at = NULL WHERE id = @id AND status = @retried");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("pending", DeadLetterStatus.Pending);
        command.Parameters.AddWithValue("retried", DeadLetterStatus.Retried);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Moves a pending dead letter to <c>discarded</c> and returns it; null when it does not exist or is not pending.</summary>
    public async Task<DeadLetterRecord?> DiscardAsync(Guid id, CancellationToken ct)
    {
        await using var command = SettleCommand(id, DeadLetterStatus.Discarded, Columns);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private NpgsqlCommand SettleCommand(Guid id, string status, string returning)
    {
        var command = db.CreateCommand(
            $"UPDATE dead_letters SET status = @status, settled_at = now() WHERE id = @id AND status = @pending RETURNING {returning}");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("pending", DeadLetterStatus.Pending);
        return command;
    }

    private static DeadLetterRecord Map(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetGuid(4),
        r.GetString(5),
        r.GetInt32(6),
        r.GetFieldValue<DateTimeOffset>(7),
        r.GetFieldValue<DateTimeOffset>(8),
        r.GetString(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10));
}
