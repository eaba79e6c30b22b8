using Npgsql;

namespace VisionAspire.Data;

/// <summary>Registry of the model files that produced predictions. Thread-safe.</summary>
public sealed class ModelVersionRepository(NpgsqlDataSource db)
{
    /// <summary>
    /// Records (model, version) once. Throws <see cref="InvalidOperationException"/> when that version is already
    /// recorded with a different sha256: two different files must not share a version.
    /// </summary>
    public async Task EnsureAsync(string modelId, string version, string task, string sha256, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            WITH inserted AS (
                INSERT INTO model_versions (model_id, version, task, sha256)
                VALUES (@model_id, @version, @task, @sha256)
                ON CONFLICT (model_id, version) DO NOTHING
                RETURNING sha256)
            SELECT sha256 FROM inserted
            UNION ALL
            SELECT sha256 FROM model_versions WHERE model_id = @model_id AND version = @version
            LIMIT 1
            """);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("task", task);
        command.Parameters.AddWithValue("sha256", sha256);
        var recorded = (string?)await command.ExecuteScalarAsync(ct);
        if (recorded is not null && !string.Equals(recorded, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Model {modelId} version {version} is recorded with sha256 {recorded}, not {sha256}.");
        }
    }
}
