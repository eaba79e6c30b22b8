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
        // A failed image stays failed (it was given up on, e.g. dead-lettered); completing it again is harmless.
        var command = new NpgsqlBatchCommand(markCompleted
            ? """
              UPDATE images SET status = CASE WHEN status = @failed THEN status ELSE @completed END,
                  error = CASE WHEN status = @failed THEN error END, updated_at = now()
              WHERE id = @id RETURNING 1
              """
            : "SELECT 1 FROM images WHERE id = @id FOR UPDATE");
        command.Parameters.AddWithValue("id", imageId);
        if (markCompleted)
        {
            command.Parameters.AddWithValue("completed", ImageStatus.Completed);
            command.Parameters.AddWithValue("failed", ImageStatus.Failed);
        }

        return command;
    }

    /// <summary>
    /// Writes the rows keyed by image, task, model, model version and position in that model's output (unique in the
    /// table): a replayed result updates the rows it wrote before instead of adding copies, and rows of the same
    /// tasks that the new result no longer has (fewer detections, another model version) are removed. A new row
    /// takes its image's owner.
    /// </summary>
    private static NpgsqlBatchCommand ReplaceCommand(Guid imageId, IReadOnlyList<PredictionRecord> predictions)
    {
        var replace = new NpgsqlBatchCommand("""
            WITH incoming AS (
                SELECT p.task, p.model, p.model_version, p.ordinal, p.label, p.confidence, p.payload::jsonb AS payload, p.time_ms
                FROM unnest(@tasks_each, @models, @versions, @ordinals, @labels, @confidences, @payloads, @times)
                    AS p(task, model, model_version, ordinal, label, confidence, payload, time_ms)
                WHERE EXISTS (SELECT 1 FROM images WHERE id = @image_id)),
            stale AS (
                DELETE FROM predictions old
                WHERE old.image_id = @image_id AND old.task = ANY(@tasks)
                  AND NOT EXISTS (SELECT 1 FROM incoming i WHERE (i.task, i.model, i.model_version, i.ordinal)
                                                               = (old.task, old.model, old.model_version, old.ordinal)))
            INSERT INTO predictions (image_id, user_id, task, model, model_version, ordinal, label, confidence, payload, prediction_time_ms)
            SELECT @image_id, (SELECT user_id FROM images WHERE id = @image_id), task, model, model_version, ordinal, label, confidence,
                   payload, time_ms
            FROM incoming
            ON CONFLICT (image_id, task, model, model_version, ordinal) DO UPDATE
                SET label = EXCLUDED.label, confidence = EXCLUDED.confidence, payload = EXCLUDED.payload,
                    prediction_time_ms = EXCLUDED.prediction_time_ms
            """);
        replace.Parameters.AddWithValue("image_id", imageId);
        replace.Parameters.AddWithValue("tasks", predictions.Select(p => p.Task).Distinct().ToArray());
        replace.Parameters.AddWithValue("tasks_each", predictions.Select(p => p.Task).ToArray());
        replace.Parameters.AddWithValue("models", predictions.Select(p => p.Model).ToArray());
        replace.Parameters.AddWithValue("versions", predictions.Select(p => p.ModelVersion).ToArray());
        replace.Parameters.AddWithValue("ordinals", Ordinals(predictions));
        replace.Parameters.Add(new NpgsqlParameter<string?[]>("labels", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { TypedValue = predictions.Select(p => p.Label).ToArray() });
        replace.Parameters.Add(new NpgsqlParameter<float?[]>("confidences", NpgsqlDbType.Array | NpgsqlDbType.Real)
            { TypedValue = predictions.Select(p => p.Confidence).ToArray() });
        replace.Parameters.Add(new NpgsqlParameter<string?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { TypedValue = predictions.Select(p => p.PayloadJson).ToArray() });
        replace.Parameters.AddWithValue("times", predictions.Select(p => p.PredictionTimeMs).ToArray());
        return replace;
    }

    /// <summary>Each row's position among the rows of its task, model and model version, in list order.</summary>
    private static int[] Ordinals(IReadOnlyList<PredictionRecord> predictions)
    {
        var next = new Dictionary<(string, string, string), int>();
        var ordinals = new int[predictions.Count];
        for (var i = 0; i < predictions.Count; i++)
        {
            var key = (predictions[i].Task, predictions[i].Model, predictions[i].ModelVersion);
            ordinals[i] = next.GetValueOrDefault(key);
            next[key] = ordinals[i] + 1;
        }

        return ordinals;
    }

    /// <summary>Ordered by task, then model and version, then each model's output order.</summary>
    public async Task<IReadOnlyList<PredictionRecord>> GetForImageAsync(Guid imageId, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT task, model, model_version, label, confidence, payload::text, prediction_time_ms
            FROM predictions WHERE image_id = @image_id ORDER BY task, model, model_version, ordinal
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
