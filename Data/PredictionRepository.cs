using Npgsql;
using NpgsqlTypes;
using VisionAspire.Contracts;

namespace VisionAspire.Data;

/// <summary>Model outputs per image. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class PredictionRepository(NpgsqlDataSource db)
{
    /// <summary>
    /// Replaces the image's predictions for every task present in <paramref name="predictions"/> and, when
    /// <paramref name="markCompleted"/>, sets the image completed — all in one transaction and one round trip.
    /// Replaying the same message therefore leaves the same rows, and concurrent saves for one image are
    /// serialised by a row lock. Throws <see cref="KeyNotFoundException"/>, writing nothing, when the image does not exist.
    /// </summary>
    public Task SaveAsync(Guid imageId, IReadOnlyList<PredictionRecord> predictions, bool markCompleted, CancellationToken ct) =>
        SaveCoreAsync(imageId, predictions, markCompleted, item: null, ct);

    /// <summary>
    /// What the worker writes when an image is done, in one transaction and one round trip: the predictions
    /// (as <see cref="SaveAsync"/>), the image <c>completed</c>, and, when <paramref name="item"/> is given, that job
    /// item completed with the job's counters, status and history (as <see cref="JobRepository.CompleteItemAsync"/>).
    /// Returns whether the item was recorded now: false when none was given or it was recorded before (a
    /// redelivered message; an extra read tells that apart). Throws <see cref="KeyNotFoundException"/>, writing
    /// nothing, when the image does not exist, and after writing the image when the job has no such item.
    /// </summary>
    public Task<bool> CompleteImageAsync(Guid imageId, IReadOnlyList<PredictionRecord> predictions, JobItemKey? item, CancellationToken ct) =>
        SaveCoreAsync(imageId, predictions, markCompleted: true, item, ct);

    private async Task<bool> SaveCoreAsync(
        Guid imageId, IReadOnlyList<PredictionRecord> predictions, bool markCompleted, JobItemKey? item, CancellationToken ct)
    {
        if (predictions.FirstOrDefault(p => p.ImageId != imageId) is { } stray)
        {
            throw new ArgumentException($"Prediction for image {stray.ImageId} passed for image {imageId}.", nameof(predictions));
        }

        // Npgsql runs a batch as one implicit transaction. The first statement locks the image row; each later
        // statement takes a fresh snapshot after that lock is held, so it sees a concurrent save's committed rows.
        // The later statements write nothing when the image is missing, so that case leaves no trace.
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(LockCommand(imageId, markCompleted));
        batch.BatchCommands.Add(ReplaceCommand(imageId, predictions));
        if (item is { } key)
        {
            batch.BatchCommands.Add(JobRepository.CompleteItemCommand(key, imageId, resultJson: null, error: null, onlyIfImageExists: true));
        }

        bool exists, recorded = false;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            exists = await reader.ReadAsync(ct);
            if (item is not null && await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
            {
                recorded = reader.GetInt64(0) == 1;
            }
        }

        if (!exists)
        {
            throw new KeyNotFoundException($"Image {imageId} does not exist.");
        }

        return recorded || (item is { } unrecorded && await JobRepository.ReportNotRecordedAsync(db, unrecorded, ct));
    }

    private static NpgsqlBatchCommand LockCommand(Guid imageId, bool markCompleted)
    {
        var command = new NpgsqlBatchCommand(markCompleted
            ? "UPDATE images SET status = @status, error = NULL, updated_at = now() WHERE id = @id RETURNING 1"
            : "SELECT 1 FROM images WHERE id = @id FOR UPDATE");
        command.Parameters.AddWithValue("id", imageId);
        if (markCompleted)
        {
            command.Parameters.AddWithValue("status", ImageStatus.Completed);
        }

        return command;
    }

    private static NpgsqlBatchCommand ReplaceCommand(Guid imageId, IReadOnlyList<PredictionRecord> predictions)
    {
        var replace = new NpgsqlBatchCommand("""
            WITH removed AS (
                DELETE FROM predictions WHERE image_id = @image_id AND task = ANY(@tasks))
            INSERT INTO predictions (image_id, task, model, model_version, label, confidence, payload, prediction_time_ms)
            SELECT @image_id, p.task, p.model, p.model_version, p.label, p.confidence, p.payload::jsonb, p.time_ms
            FROM unnest(@tasks_each, @models, @versions, @labels, @confidences, @payloads, @times)
                AS p(task, model, model_version, label, confidence, payload, time_ms)
            WHERE EXISTS (SELECT 1 FROM images WHERE id = @image_id)
            """);
        replace.Parameters.AddWithValue("image_id", imageId);
        replace.Parameters.AddWithValue("tasks", predictions.Select(p => p.Task).Distinct().ToArray());
        replace.Parameters.AddWithValue("tasks_each", predictions.Select(p => p.Task).ToArray());
        replace.Parameters.AddWithValue("models", predictions.Select(p => p.Model).ToArray());
        replace.Parameters.AddWithValue("versions", predictions.Select(p => p.ModelVersion).ToArray());
        replace.Parameters.Add(new NpgsqlParameter<string?[]>("labels", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { TypedValue = predictions.Select(p => p.Label).ToArray() });
        replace.Parameters.Add(new NpgsqlParameter<float?[]>("confidences", NpgsqlDbType.Array | NpgsqlDbType.Real)
            { TypedValue = predictions.Select(p => p.Confidence).ToArray() });
        replace.Parameters.Add(new NpgsqlParameter<string?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { TypedValue = predictions.Select(p => p.PayloadJson).ToArray() });
        replace.Parameters.AddWithValue("times", predictions.Select(p => p.PredictionTimeMs).ToArray());
        return replace;
    }

    /// <summary>Ordered by task, then insertion order.</summary>
    public async Task<IReadOnlyList<PredictionRecord>> GetForImageAsync(Guid imageId, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT task, model, model_version, label, confidence, payload::text, prediction_time_ms
            FROM predictions WHERE image_id = @image_id ORDER BY task, id
            """);
        command.Parameters.AddWithValue("image_id", imageId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var predictions = new List<PredictionRecord>();
        while (await reader.ReadAsync(ct))
        {
            predictions.Add(new PredictionRecord(
                imageId,
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFloat(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetDouble(6)));
        }

        return predictions;
    }
}
