using Npgsql;

namespace VisionAspire.Data;

/// <summary>An image a task produced (e.g. the blurred copy), stored in the object store under <see cref="StorageKey"/>.</summary>
public sealed record ProcessedOutput(
    Guid ImageId, string Task, string StorageKey, string ContentType, long SizeBytes, int Width, int Height, double TimeMs);

/// <summary>Where the processed outputs of an image are, one per image and task. Thread-safe.</summary>
public sealed class ProcessedOutputRepository(NpgsqlDataSource db)
{
    private const string Columns = "image_id, task, storage_key, content_type, size_bytes, width, height, time_ms";

    /// <summary>
    /// Records (or replaces: a task that runs again, e.g. for a redelivered message, overwrites its output) the
    /// output of a task. Throws <see cref="PostgresException"/> (foreign key) when the image does not exist.
    /// </summary>
    public async Task RecordAsync(ProcessedOutput output, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO processed_outputs ({Columns})
            VALUES (@image_id, @task, @storage_key, @content_type, @size_bytes, @width, @height, @time_ms)
            ON CONFLICT (image_id, task) DO UPDATE SET
                storage_key = excluded.storage_key, content_type = excluded.content_type, size_bytes = excluded.size_bytes,
                width = excluded.width, height = excluded.height, time_ms = excluded.time_ms, updated_at = now()
            """);
        command.Parameters.AddWithValue("image_id", output.ImageId);
        command.Parameters.AddWithValue("task", output.Task);
        command.Parameters.AddWithValue("storage_key", output.StorageKey);
        command.Parameters.AddWithValue("content_type", output.ContentType);
        command.Parameters.AddWithValue("size_bytes", output.SizeBytes);
        command.Parameters.AddWithValue("width", output.Width);
        command.Parameters.AddWithValue("height", output.Height);
        command.Parameters.AddWithValue("time_ms", output.TimeMs);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The image's outputs, by task.</summary>
    public async Task<IReadOnlyList<ProcessedOutput>> GetForImageAsync(Guid imageId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM processed_outputs WHERE image_id = @image_id ORDER BY task");
        command.Parameters.AddWithValue("image_id", imageId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var outputs = new List<ProcessedOutput>();
        while (await reader.ReadAsync(ct))
        {
            outputs.Add(new ProcessedOutput(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetDouble(7)));
        }

        return outputs;
    }
}
