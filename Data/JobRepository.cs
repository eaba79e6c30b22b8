using Npgsql;
using NpgsqlTypes;

namespace VisionAspire.Data;

/// <summary>
/// Jobs with progress counters, a status history and one row per item. Thread-safe: every call uses its own
/// pooled connection, and item completion is a single statement, correct under concurrent workers.
/// </summary>
public sealed class JobRepository(NpgsqlDataSource db)
{
    // One statement: the item row only moves out of 'pending' once, and the jobs UPDATE re-reads the
    // latest counters under its row lock, so concurrent workers neither double count nor lose counts.
    private const string CompleteItemTemplate = """
        WITH item AS (
            UPDATE job_items
            SET status = @item_status, image_id = coalesce(@image_id, image_id), result = @result::jsonb,
                error = @error, updated_at = now()
            WHERE job_id = @id AND item_index = @index AND status = @pending{0}
            RETURNING status),
        job AS (
            UPDATE jobs j
            SET done = j.done + n.done,
                failed = j.failed + n.failed,
                status = CASE
                    WHEN j.done + n.done + j.failed + n.failed < j.total THEN @running
                    WHEN j.done + n.done = 0 THEN @job_failed
                    ELSE @job_completed END,
                updated_at = now()
            FROM (SELECT count(*) FILTER (WHERE status = @completed) AS done,
                         count(*) FILTER (WHERE status = @failed) AS failed
                  FROM item) n
            WHERE j.id = @id AND n.done + n.failed > 0
            RETURNING j.id, j.status, j.done, j.failed, j.total),
        finished AS (
            INSERT INTO job_events (job_id, status, message)
            SELECT id, status, format('%s of %s items done, %s failed', done, total, failed) FROM job
            WHERE done + failed = total)
        SELECT count(*) FROM job
        """;

    private static readonly string CompleteItemSql = string.Format(CompleteItemTemplate, "");

    private static readonly string CompleteItemOfExistingImageSql =
        string.Format(CompleteItemTemplate, " AND EXISTS (SELECT 1 FROM images WHERE id = @image_id)");

    /// <summary>Creates an ownerless job in <see cref="JobStatus.Pending"/> (completed at once when <paramref name="total"/> is 0) with items 0..total-1 pending.</summary>
    public Task<Guid> CreateAsync(string type, int total, string? payloadJson, CancellationToken ct) =>
        CreateAsync(new NewJob(Guid.CreateVersion7(), type, total, payloadJson), ct);

    /// <summary>Creates <paramref name="job"/> as <see cref="CreateAsync(string, int, string?, CancellationToken)"/> does, with its owner.</summary>
    public async Task<Guid> CreateAsync(NewJob job, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(CreateCommand(job));
        await batch.ExecuteNonQueryAsync(ct);
        return job.Id;
    }

    /// <summary>The statement that creates <paramref name="job"/> (see <see cref="CreateAsync"/>), for batches that write other rows with it.</summary>
    internal static NpgsqlBatchCommand CreateCommand(NewJob job)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(job.Total);
        var command = new NpgsqlBatchCommand("""
            WITH job AS (
                INSERT INTO jobs (id, type, status, total, payload, user_id)
                VALUES (@id, @type, @status, @total, @payload::jsonb, @user_id)
                RETURNING id, status),
            items AS (
                INSERT INTO job_items (job_id, item_index, status)
                SELECT @id, i, @item_status FROM generate_series(0, @total - 1) AS i)
            INSERT INTO job_events (job_id, status, message) SELECT id, status, NULL FROM job
            """);
        command.Parameters.AddWithValue("id", job.Id);
        command.Parameters.AddWithValue("type", job.Type);
        command.Parameters.AddWithValue("status", job.Total == 0 ? JobStatus.Completed : JobStatus.Pending);
        command.Parameters.AddWithValue("total", job.Total);
        command.Parameters.Add(new NpgsqlParameter<string?>("payload", NpgsqlDbType.Text) { TypedValue = job.PayloadJson });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user_id", NpgsqlDbType.Uuid) { TypedValue = job.UserId });
        command.Parameters.AddWithValue("item_status", JobItemStatus.Pending);
        return command;
    }

    /// <summary>The job with its history and items, if it exists and <paramref name="scope"/> may see it.</summary>
    public async Task<JobRecord?> GetAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        // Every statement checks the owner: the history and items of a job the scope may not see are never read.
        var visible = $"EXISTS (SELECT 1 FROM jobs j WHERE j.id = @id AND {scope.Condition("j.user_id")})";
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(WithId(
            $"SELECT type, status, total, done, failed, payload::text, created_at, updated_at FROM jobs WHERE id = @id AND {scope.Condition("user_id")}",
            id, scope));
        batch.BatchCommands.Add(WithId($"SELECT status, message, at FROM job_events WHERE job_id = @id AND {visible} ORDER BY id", id, scope));
        batch.BatchCommands.Add(WithId(
            $"SELECT item_index, image_id, status, result::text, error FROM job_items WHERE job_id = @id AND {visible} ORDER BY item_index", id, scope));

        await using var r = await batch.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        var (type, status, total, done, failed) = (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4));
        var payload = r.IsDBNull(5) ? null : r.GetString(5);
        var (createdAt, updatedAt) = (r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7));

        await r.NextResultAsync(ct);
        var history = new List<JobEvent>();
        while (await r.ReadAsync(ct))
        {
            history.Add(new JobEvent(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        }

        await r.NextResultAsync(ct);
        var items = new List<JobItem>(total);
        while (await r.ReadAsync(ct))
        {
            items.Add(new JobItem(
                r.GetInt32(0),
                r.IsDBNull(1) ? null : r.GetGuid(1),
                r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4)));
        }

        return new JobRecord(id, type, status, total, done, failed, payload, createdAt, updatedAt, history, items);
    }

    /// <summary>Appends to the history and sets the job's status. Throws <see cref="KeyNotFoundException"/> for an unknown job.</summary>
    public async Task AddEventAsync(Guid id, string status, string? message, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            WITH job AS (
                UPDATE jobs SET status = @status, updated_at = now() WHERE id = @id RETURNING id)
            INSERT INTO job_events (job_id, status, message) SELECT id, @status, @message FROM job
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.Add(new NpgsqlParameter<string?>("message", NpgsqlDbType.Text) { TypedValue = message });
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new KeyNotFoundException($"Job {id} does not exist.");
        }
    }

    /// <summary>
    /// Records the outcome of item <paramref name="index"/> (failed when <paramref name="error"/> is not null) and
    /// bumps done/failed; the item that brings done + failed to total flips the job to completed (or failed when
    /// every item failed) and records that in the history. Returns false, changing nothing, when the item was
    /// already recorded (a redelivered message). Throws <see cref="KeyNotFoundException"/> for an unknown job or index.
    /// </summary>
    public async Task<bool> CompleteItemAsync(Guid id, int index, Guid? imageId, string? resultJson, string? error, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(CompleteItemCommand(new JobItemKey(id, index), imageId, resultJson, error, onlyIfImageExists: false));
        return (long)(await batch.ExecuteScalarAsync(ct))! == 1 || await ReportNotRecordedAsync(db, new JobItemKey(id, index), ct);
    }

    /// <summary>
    /// The statement of <see cref="CompleteItemAsync"/>: returns one row, 1 when it recorded the item, else 0.
    /// With <paramref name="onlyIfImageExists"/> it records nothing unless image <paramref name="imageId"/> exists.
    /// </summary>
    internal static NpgsqlBatchCommand CompleteItemCommand(JobItemKey item, Guid? imageId, string? resultJson, string? error, bool onlyIfImageExists)
    {
        var command = new NpgsqlBatchCommand(onlyIfImageExists ? CompleteItemOfExistingImageSql : CompleteItemSql);
        command.Parameters.AddWithValue("id", item.JobId);
        command.Parameters.AddWithValue("index", item.Index);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("image_id", NpgsqlDbType.Uuid) { TypedValue = imageId });
        command.Parameters.Add(new NpgsqlParameter<string?>("result", NpgsqlDbType.Text) { TypedValue = resultJson });
        command.Parameters.Add(new NpgsqlParameter<string?>("error", NpgsqlDbType.Text) { TypedValue = error });
        command.Parameters.AddWithValue("item_status", error is null ? JobItemStatus.Completed : JobItemStatus.Failed);
        command.Parameters.AddWithValue("pending", JobItemStatus.Pending);
        command.Parameters.AddWithValue("completed", JobItemStatus.Completed);
        command.Parameters.AddWithValue("failed", JobItemStatus.Failed);
        command.Parameters.AddWithValue("running", JobStatus.Running);
        command.Parameters.AddWithValue("job_completed", JobStatus.Completed);
        command.Parameters.AddWithValue("job_failed", JobStatus.Failed);
        return command;
    }

    /// <summary>
    /// After <see cref="CompleteItemCommand"/> recorded nothing: false when the item exists (it was recorded
    /// before, a redelivered message); throws <see cref="KeyNotFoundException"/> for an unknown job or index.
    /// </summary>
    internal static async Task<bool> ReportNotRecordedAsync(NpgsqlDataSource db, JobItemKey item, CancellationToken ct)
    {
        await using var exists = db.CreateCommand("SELECT 1 FROM job_items WHERE job_id = @id AND item_index = @index");
        exists.Parameters.AddWithValue("id", item.JobId);
        exists.Parameters.AddWithValue("index", item.Index);
        return await exists.ExecuteScalarAsync(ct) is not null
            ? false
            : throw new KeyNotFoundException($"Job {item.JobId} has no item {item.Index}.");
    }

    private static NpgsqlBatchCommand WithId(string sql, Guid id, OwnerScope scope)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        return command;
    }
}
