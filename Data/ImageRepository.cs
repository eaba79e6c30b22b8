using Npgsql;
using NpgsqlTypes;
using VisionAspire.Contracts;

namespace VisionAspire.Data;

/// <summary>Image metadata rows. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class ImageRepository(NpgsqlDataSource db)
{
    public const int MaxPageSize = 1000;

    private const string Columns =
        "id, sha256, filename, content_type, size_bytes, width, height, kind, status, storage_key, error, job_id, created_at, updated_at, tasks, classify_model, user_id";

    // Where preprocessing results may move an image from: the Preprocessor redoes an image the broker redelivers to it.
    private static readonly string[] PreprocessingSources = [ImageStatus.Uploaded, ImageStatus.Preprocessing, ImageStatus.Queued];
    private static readonly string[] FinalStatuses = [ImageStatus.Completed, ImageStatus.Failed];

    /// <summary>
    /// Inserts the image unless its owner (<see cref="NewImage.UserId"/>) already has a row with the same sha256, and
    /// returns the row of that owner that holds those bytes: deduplication is per owner. Race-safe: of N concurrent
    /// identical uploads of one owner exactly one gets <c>Created = true</c>. One round trip.
    /// </summary>
    public Task<(ImageRecord Image, bool Created)> InsertOrGetBySha256Async(NewImage image, Guid? jobId, CancellationToken ct) =>
        InsertOrGetAsync(image, jobId, newJob: null, ct);

    /// <summary>
    /// Creates <paramref name="job"/> and, in the same transaction and round trip, does what
    /// <see cref="InsertOrGetBySha256Async(NewImage, Guid, CancellationToken)"/> does with the image (its job_id is the new job).
    /// </summary>
    public Task<(ImageRecord Image, bool Created)> InsertOrGetBySha256Async(NewImage image, NewJob job, CancellationToken ct) =>
        InsertOrGetAsync(image, job.Id, job, ct);

    private async Task<(ImageRecord Image, bool Created)> InsertOrGetAsync(NewImage image, Guid? jobId, NewJob? newJob, CancellationToken ct)
    {
        // One batch (an implicit transaction): ON CONFLICT waits for a concurrent inserter of the same sha256 to
        // commit, and the SELECT after it is a new statement, hence a new snapshot that sees that row. Only a
        // concurrent delete can make it miss; then the job is already committed and only the image is retried.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var batch = db.CreateBatch();
            if (newJob is not null && attempt == 0)
            {
                batch.BatchCommands.Add(JobRepository.CreateCommand(newJob));
            }

            var insert = InsertCommand(image, jobId);
            batch.BatchCommands.Add(insert);
            // "user_id IS NOT DISTINCT FROM" could not use the unique index; each case gets the condition that can.
            var owner = image.UserId is null ? "user_id IS NULL" : "user_id = @user_id";
            var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM images WHERE sha256 = @sha256 AND {owner}");
            select.Parameters.AddWithValue("sha256", image.Sha256);
            if (image.UserId is { } userId)
            {
                select.Parameters.AddWithValue("user_id", userId);
            }

            batch.BatchCommands.Add(select);

            ImageRecord? row;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                row = await reader.ReadAsync(ct) ? Map(reader) : null;
            }

            if (row is not null)
            {
                return (row, insert.RecordsAffected == 1);
            }
        }

        throw new InvalidOperationException($"Image with sha256 {image.Sha256} was deleted while being inserted, three times in a row.");
    }

    private static NpgsqlBatchCommand InsertCommand(NewImage image, Guid? jobId)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO images (id, sha256, filename, content_type, size_bytes, width, height, status, storage_key, job_id, user_id, tasks, classify_model)
            VALUES (@id, @sha256, @filename, @content_type, @size_bytes, @width, @height, @status, @storage_key, @job_id, @user_id, @tasks, @classify_model)
            ON CONFLICT (user_id, sha256) DO NOTHING
            """);
        insert.Parameters.AddWithValue("id", image.Id);
        insert.Parameters.AddWithValue("sha256", image.Sha256);
        insert.Parameters.AddWithValue("filename", image.FileName);
        insert.Parameters.AddWithValue("content_type", image.ContentType);
        insert.Parameters.AddWithValue("size_bytes", image.SizeBytes);
        insert.Parameters.AddWithValue("status", ImageStatus.Uploaded);
        insert.Parameters.AddWithValue("storage_key", image.StorageKey);
        insert.Parameters.Add(new NpgsqlParameter<int?>("width", NpgsqlDbType.Integer) { TypedValue = image.Width });
        insert.Parameters.Add(new NpgsqlParameter<int?>("height", NpgsqlDbType.Integer) { TypedValue = image.Height });
        insert.Parameters.Add(new NpgsqlParameter<Guid?>("job_id", NpgsqlDbType.Uuid) { TypedValue = jobId });
        insert.Parameters.Add(new NpgsqlParameter<Guid?>("user_id", NpgsqlDbType.Uuid) { TypedValue = image.UserId });
        insert.Parameters.Add(new NpgsqlParameter<string[]?>("tasks", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = image.Tasks?.ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string?>("classify_model", NpgsqlDbType.Text) { TypedValue = image.ClassifyModel });
        return insert;
    }

    /// <summary>
    /// Whether the Preprocessor (re)does an image in <paramref name="status"/>: it is uploaded, or preprocessed but not
    /// yet finished by a worker (the broker redelivered the upload, or the sweeper published it again). Rows of earlier
    /// versions may still say preprocessing.
    /// </summary>
    public static bool AwaitsPreprocessing(string status) => PreprocessingSources.Contains(status);

    /// <summary>Whether <paramref name="status"/> is completed or failed: nothing moves such an image again.</summary>
    public static bool IsFinal(string status) => FinalStatuses.Contains(status);

    /// <summary>The image, if it exists and <paramref name="scope"/> may see it.</summary>
    public async Task<ImageRecord?> GetAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM images WHERE id = @id AND {scope.Condition("user_id")}");
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        return await ReadSingleAsync(command, ct);
    }

    /// <summary>
    /// The images <paramref name="scope"/> may see, newest first. <paramref name="page"/> starts at 1; <paramref name="limit"/>
    /// is 1..<see cref="MaxPageSize"/>.
    /// </summary>
    public async Task<(IReadOnlyList<ImageRecord> Items, long Total)> ListAsync(
        int page, int limit, string? kind, string? status, OwnerScope scope, CancellationToken ct)
    {
        var filter = $"(@kind::text IS NULL OR kind = @kind) AND (@status::text IS NULL OR status = @status) AND {scope.Condition("user_id")}";
        return await CountedPage.ReadAsync(db,
            FilteredCommand($"SELECT count(*) FROM images WHERE {filter}", kind, status, scope),
            FilteredCommand($"SELECT {Columns} FROM images WHERE {filter} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset", kind, status, scope),
            page, limit, MaxPageSize, Map, ct);
    }

    /// <summary>
    /// Images still "uploaded" that were created before <paramref name="createdBefore"/>, oldest first, after the
    /// keyset position <paramref name="after"/> (null: from the start): for walking them once, page by page.
    /// </summary>
    public async Task<IReadOnlyList<ImageRecord>> ListUploadedCreatedBeforeAsync(
        DateTimeOffset createdBefore, (DateTimeOffset CreatedAt, Guid Id)? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM images
            WHERE status = @status AND created_at < @before AND (created_at, id) > (@afterAt, @afterId)
            ORDER BY created_at, id LIMIT @limit
            """);
        command.Parameters.AddWithValue("status", ImageStatus.Uploaded);
        command.Parameters.AddWithValue("before", createdBefore);
        command.Parameters.AddWithValue("afterAt", after?.CreatedAt ?? DateTimeOffset.UnixEpoch);
        command.Parameters.AddWithValue("afterId", after?.Id ?? Guid.Empty);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ImageRecord>(limit);
        while (await reader.ReadAsync(ct))
        {
            list.Add(Map(reader));
        }

        return list;
    }

    /// <summary>
    /// Sets status and error (null clears it) unless the image is completed or failed: those are final, so a late or
    /// redelivered message cannot move a finished image back. Returns false when nothing changed (no such image, or
    /// it is finished).
    /// </summary>
    public async Task<bool> UpdateStatusAsync(Guid id, string status, string? error, CancellationToken ct)
    {
        if (!ImageStatus.All.Contains(status))
        {
            throw new ArgumentException($"Unknown image status '{status}'; expected one of {string.Join(", ", ImageStatus.All)}.", nameof(status));
        }

        await using var command = db.CreateCommand(
            "UPDATE images SET status = @status, error = @error, updated_at = now() WHERE id = @id AND NOT status = ANY(@final)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("final", FinalStatuses);
        command.Parameters.Add(new NpgsqlParameter<string?>("error", NpgsqlDbType.Text) { TypedValue = error });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Reopens a failed image at <paramref name="status"/> (an operator retries the message it failed on), clearing
    /// its error. Returns false when nothing changed (no such image, or it is not failed).
    /// </summary>
    public async Task<bool> ReopenFailedAsync(Guid id, string status, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "UPDATE images SET status = @status, error = NULL, updated_at = now() WHERE id = @id AND status = @failed");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("failed", ImageStatus.Failed);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Records what preprocessing found and moves the image to <c>queued</c>, if it is still before that (uploaded,
    /// preprocessing or queued): a worker may have taken or finished it meanwhile, from an earlier run's request.
    /// Returns false when nothing changed (no such image, or it is past queued).
    /// </summary>
    public async Task<bool> SetPreprocessedAsync(Guid id, int width, int height, string kind, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            UPDATE images SET width = @width, height = @height, kind = @kind, status = @status, error = NULL, updated_at = now()
            WHERE id = @id AND status = ANY(@from)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("from", PreprocessingSources);
        command.Parameters.AddWithValue("width", width);
        command.Parameters.AddWithValue("height", height);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("status", ImageStatus.Queued);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static NpgsqlBatchCommand FilteredCommand(string sql, string? kind, string? status, OwnerScope scope)
    {
        var command = new NpgsqlBatchCommand(sql);
        scope.AddParameter(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlDbType.Text) { TypedValue = status });
        return command;
    }

    private static async Task<ImageRecord?> ReadSingleAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private static ImageRecord Map(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetInt64(4),
        r.IsDBNull(5) ? null : r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetInt32(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetGuid(11),
        r.GetFieldValue<DateTimeOffset>(12),
        r.GetFieldValue<DateTimeOffset>(13),
        r.IsDBNull(14) ? null : r.GetFieldValue<string[]>(14),
        r.IsDBNull(15) ? null : r.GetString(15),
        r.IsDBNull(16) ? null : r.GetGuid(16));
}
