using Npgsql;
using NpgsqlTypes;
using VisionAspire.Contracts;

namespace VisionAspire.Data;

/// <summary>Model outputs per image. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class PredictionRepository(NpgsqlDataSource db)
{
    /// <summary>
    /// Replaces the image's predictions for every task present in <paramref name="predictions"/> and, when
    /// <paramref name="markCompleted"/>, sets the image completed — all in one transaction. Replaying the same
    /// message therefore leaves the same rows, and concurrent saves for one image are serialised by a row lock.
    /// Throws <see cref="KeyNotFoundException"/> when the image does not exist.
    /// </summary>
    public async Task SaveAsync(Guid imageId, IReadOnlyList<PredictionRecord> predictions, bool markCompleted, CancellationToken ct)
    {
        if (predictions.FirstOrDefault(p => p.ImageId != imageId) is { } stray)
        {
            throw new ArgumentException($"Prediction for image {stray.ImageId} passed to SaveAsync for image {imageId}.", nameof(predictions));
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var lockImage = new NpgsqlCommand("SELECT 1 FROM images WHERE id = @id FOR UPDATE", connection, transaction))
        {
            lockImage.Parameters.AddWithValue("id", imageId);
            if (await lockImage.ExecuteScalarAsync(ct) is null)
            {
                throw new KeyNotFoundException($"Image {imageId} does not exist.");
            }
        }

        await using (var replace = new NpgsqlCommand("""
            WITH removed AS (
                DELETE FROM predictions WHERE image_id = @image_id AND task = ANY(@tasks))
            INSERT INTO predictions (image_id, task, model, model_version, label, confidence, payload, prediction_time_ms)
            SELECT @image_id, p.task, p.model, p.model_version, p.label, p.confidence, p.payload::jsonb, p.time_ms
            FROM unnest(@tasks_each, @models, @versions, @labels, @confidences, @payloads, @times)
                AS p(task, model, model_version, label, confidence, payload, time_ms)
            """, connection, transaction))
        {
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
            await replace.ExecuteNonQueryAsync(ct);
        }

        if (markCompleted)
        {
            await using var complete = new NpgsqlCommand(
                "UPDATE images SET status = @status, error = NULL, updated_at = now() WHERE id = @id", connection, transaction);
            complete.Parameters.AddWithValue("id", imageId);
            complete.Parameters.AddWithValue("status", ImageStatus.Completed);
            await complete.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
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
