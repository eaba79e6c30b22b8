using Npgsql;

namespace VisionAspire.Data;

/// <summary>An enrolled face embedded by another model than the active one, with the aligned crop to embed again.</summary>
public sealed record StaleFace(Guid Id, byte[] AlignedFace, string ModelId, string ModelVersion);

/// <summary>A face's embedding by the active model, replacing the one it was read with (<see cref="StaleFace"/>).</summary>
public sealed record ReembeddedFace(StaleFace Face, float[] Embedding);

/// <summary>
/// The enrolled faces the re-embedding job moves to the active face-embedding model (migration 0011). Replicas may run
/// the job at once: a face is only rewritten while it still has the model it was read with, so a face two replicas
/// embed is written once. Thread-safe.
/// </summary>
public sealed class FaceReembeddingRepository(NpgsqlDataSource db)
{
    /// <summary>Up to <paramref name="limit"/> faces with a crop whose embedding is not of <paramref name="modelId"/> <paramref name="modelVersion"/>.</summary>
    public async Task<IReadOnlyList<StaleFace>> StaleAsync(string modelId, string modelVersion, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT id, aligned_face, model_id, model_version FROM person_faces
            WHERE aligned_face IS NOT NULL AND (model_id, model_version) <> (@model_id, @model_version)
            ORDER BY id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var faces = new List<StaleFace>();
        while (await reader.ReadAsync(ct))
        {
            faces.Add(new StaleFace(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetString(3)));
        }
        return faces;
    }

    /// <summary>Faces embedded by another model than this one that have no crop: they cannot be re-embedded.</summary>
    public async Task<long> UnconvertibleAsync(string modelId, string modelVersion, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT count(*) FROM person_faces WHERE aligned_face IS NULL AND (model_id, model_version) <> (@model_id, @model_version)
            """);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Writes the new embeddings in one transaction, each only where the face still has the model it was read with;
    /// returns how many were written.
    /// </summary>
    public async Task<int> ReplaceAsync(IReadOnlyList<ReembeddedFace> faces, string modelId, string modelVersion, CancellationToken ct)
    {
        if (faces.Count == 0)
        {
            return 0;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var face in faces)
        {
            var update = new NpgsqlBatchCommand("""
                UPDATE person_faces SET embedding = $1, model_id = $2, model_version = $3
                WHERE id = $4 AND model_id = $5 AND model_version = $6
                """);
            update.Parameters.Add(new NpgsqlParameter { Value = face.Embedding });
            update.Parameters.Add(new NpgsqlParameter { Value = modelId });
            update.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
            update.Parameters.Add(new NpgsqlParameter { Value = face.Face.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = face.Face.ModelId });
            update.Parameters.Add(new NpgsqlParameter { Value = face.Face.ModelVersion });
            batch.BatchCommands.Add(update);
        }
        var written = await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }
}
