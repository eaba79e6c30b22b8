using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// The model registry (migration 0010): every version of every model and the one each model serves. Predictions
/// record the version that made them, so a version names one file for good (same id and version, same sha256).
/// Thread-safe.
/// </summary>
public sealed class ModelRegistryRepository(NpgsqlDataSource db)
{
    private const string Columns = """
        v.model_id, v.version, v.task, v.source, v.sha256, v.size_bytes, v.source_url, v.storage_key, v.labels_key,
        v.labels_sha256, v.input_spec::text, v.created_at, a.version IS NOT NULL
        """;

    private const string FromVersions = "FROM model_versions v LEFT JOIN active_models a ON a.model_id = v.model_id AND a.version = v.version";

    /// <summary>
    /// Records a catalogued version once and makes it the model's active version when the model has none, or when the
    /// active one is another catalogued version: the catalog names one file per model, so after a deployment moves the
    /// catalog to a new version the old one can no longer be loaded. An uploaded version an admin activated stays. Throws
    /// <see cref="InvalidOperationException"/> when that version is already recorded with a different sha256.
    /// </summary>
    public async Task SeedCatalogAsync(CatalogModelVersion model, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            WITH inserted AS (
                INSERT INTO model_versions (model_id, version, task, sha256, source, source_url, size_bytes)
                VALUES (@model_id, @version, @task, @sha256, 'catalog', @source_url, @size_bytes)
                ON CONFLICT (model_id, version) DO UPDATE
                    SET source_url = COALESCE(model_versions.source_url, EXCLUDED.source_url),
                        size_bytes = COALESCE(model_versions.size_bytes, EXCLUDED.size_bytes)
                RETURNING sha256),
            activated AS (
                INSERT INTO active_models AS a (model_id, version)
                SELECT @model_id, @version FROM inserted WHERE lower(sha256) = lower(@sha256)
                ON CONFLICT (model_id) DO UPDATE SET version = EXCLUDED.version, activated_at = now()
                    WHERE a.version <> EXCLUDED.version AND EXISTS (
                        SELECT 1 FROM model_versions v WHERE v.model_id = a.model_id AND v.version = a.version AND v.source = 'catalog'))
            SELECT sha256 FROM inserted
            """);
        command.Parameters.AddWithValue("model_id", model.ModelId);
        command.Parameters.AddWithValue("version", model.Version);
        command.Parameters.AddWithValue("task", model.Task);
        command.Parameters.AddWithValue("sha256", model.Sha256);
        command.Parameters.AddWithValue("source_url", model.SourceUrl);
        command.Parameters.AddWithValue("size_bytes", model.SizeBytes);
        var recorded = (string?)await command.ExecuteScalarAsync(ct);
        if (recorded is not null && !string.Equals(recorded, model.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Model {model.ModelId} version {model.Version} is recorded with sha256 {recorded}, not {model.Sha256}.");
        }
    }

    /// <summary>
    /// Registers an uploaded version; it becomes the active one when the model is new (has no active version). Checks
    /// and insert run in one transaction under a lock on the model id, so concurrent uploads cannot race.
    /// </summary>
    public async Task<ModelRegistration> RegisterUploadAsync(UploadedModelVersion model, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockModel = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('model:' || @model_id))", connection, transaction))
        {
            lockModel.Parameters.AddWithValue("model_id", model.ModelId);
            await lockModel.ExecuteNonQueryAsync(ct);
        }

        await using (var existing = new NpgsqlCommand(
            "SELECT task, bool_or(version = @version) FROM model_versions WHERE model_id = @model_id GROUP BY task", connection, transaction))
        {
            existing.Parameters.AddWithValue("model_id", model.ModelId);
            existing.Parameters.AddWithValue("version", model.Version);
            await using var reader = await existing.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                if (reader.GetString(0) != model.Task)
                {
                    return ModelRegistration.TaskMismatch;
                }
                if (reader.GetBoolean(1))
                {
                    return ModelRegistration.VersionExists;
                }
            }
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO model_versions (model_id, version, task, sha256, source, size_bytes, storage_key, labels_key, labels_sha256, input_spec)
            VALUES (@model_id, @version, @task, @sha256, 'upload', @size_bytes, @storage_key, @labels_key, @labels_sha256, @input_spec::jsonb);
            INSERT INTO active_models (model_id, version) VALUES (@model_id, @version) ON CONFLICT (model_id) DO NOTHING;
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("model_id", model.ModelId);
            insert.Parameters.AddWithValue("version", model.Version);
            insert.Parameters.AddWithValue("task", model.Task);
            insert.Parameters.AddWithValue("sha256", model.Sha256);
            insert.Parameters.AddWithValue("size_bytes", model.SizeBytes);
            insert.Parameters.AddWithValue("storage_key", model.StorageKey);
            insert.Parameters.AddWithValue("labels_key", model.LabelsKey);
            insert.Parameters.AddWithValue("labels_sha256", model.LabelsSha256);
            insert.Parameters.AddWithValue("input_spec", model.InputSpecJson);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return ModelRegistration.Registered;
    }

    /// <summary>Makes <paramref name="version"/> the one the model serves; false when the model has no such version.</summary>
    public async Task<bool> ActivateAsync(string modelId, string version, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO active_models (model_id, version)
            SELECT model_id, version FROM model_versions WHERE model_id = @model_id AND version = @version
            ON CONFLICT (model_id) DO UPDATE SET version = EXCLUDED.version, activated_at = now()
            """);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("version", version);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Every version of every model, by model id, oldest version first.</summary>
    public async Task<IReadOnlyList<ModelVersionRecord>> ListAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} {FromVersions} ORDER BY v.model_id, v.created_at, v.version");
        return await ReadAllAsync(command, ct);
    }

    /// <summary>The versions of one model, oldest first; empty when the model is unknown.</summary>
    public async Task<IReadOnlyList<ModelVersionRecord>> VersionsAsync(string modelId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} {FromVersions} WHERE v.model_id = @model_id ORDER BY v.created_at, v.version");
        command.Parameters.AddWithValue("model_id", modelId);
        return await ReadAllAsync(command, ct);
    }

    /// <summary>The version the model serves, or null when the model is unknown.</summary>
    public async Task<ModelVersionRecord?> ActiveAsync(string modelId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM active_models a JOIN model_versions v ON v.model_id = a.model_id AND v.version = a.version
            WHERE a.model_id = @model_id
            """);
        command.Parameters.AddWithValue("model_id", modelId);
        return (await ReadAllAsync(command, ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ModelVersionRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ModelVersionRecord>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ModelVersionRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetBoolean(12)));
        }
        return rows;
    }
}
