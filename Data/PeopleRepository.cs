using Npgsql;
using NpgsqlTypes;

namespace VisionAspire.Data;

/// <summary>People, their enrolled faces, and the gallery of one embedding model. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class PeopleRepository(NpgsqlDataSource db)
{
    public const int MaxPageSize = 100;

    private const string PersonColumns = """
        p.id, p.name, p.external_id, (SELECT count(*)::int FROM person_faces f WHERE f.person_id = p.id), p.created_at, p.updated_at
        """;

    private const string FaceColumns = "id, person_id, image_id, box, landmarks, embedding, model_id, model_version, created_at";

    /// <summary>
    /// A person owned by <paramref name="userId"/> (null: ownerless). Throws <see cref="DuplicateExternalIdException"/>
    /// when that owner already has a person with the external id.
    /// </summary>
    public async Task<PersonRecord> CreateAsync(string name, string? externalId, Guid? userId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            WITH p AS (INSERT INTO people (id, name, external_id, user_id) VALUES (@id, @name, @external_id, @user_id) RETURNING *)
            SELECT {PersonColumns} FROM p
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user_id", NpgsqlDbType.Uuid) { TypedValue = userId });
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter<string?>("external_id", NpgsqlDbType.Text) { TypedValue = externalId });
        return (await ReadPeopleAsync(command, externalId, ct)).Single();
    }

    /// <summary>The person, if they exist and <paramref name="scope"/> may see them.</summary>
    public async Task<PersonRecord?> GetAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {PersonColumns} FROM people p WHERE p.id = @id AND {scope.Condition("p.user_id")}");
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        return (await ReadPeopleAsync(command, null, ct)).SingleOrDefault();
    }

    /// <summary>The people <paramref name="scope"/> may see, newest first.</summary>
    public async Task<(IReadOnlyList<PersonRecord> Items, long Total)> ListAsync(int page, int limit, OwnerScope scope, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        await using var count = db.CreateCommand($"SELECT count(*) FROM people p WHERE {scope.Condition("p.user_id")}");
        scope.AddParameter(count.Parameters);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;
        await using var command = db.CreateCommand(
            $"SELECT {PersonColumns} FROM people p WHERE {scope.Condition("p.user_id")} ORDER BY p.created_at DESC, p.id DESC LIMIT @limit OFFSET @offset");
        scope.AddParameter(command.Parameters);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * limit);
        return (await ReadPeopleAsync(command, null, ct), total);
    }

    /// <summary>
    /// Sets the fields that are not null. Null when there is no such person in <paramref name="scope"/>; throws
    /// <see cref="DuplicateExternalIdException"/>.
    /// </summary>
    public async Task<PersonRecord?> UpdateAsync(Guid id, string? name, string? externalId, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            WITH p AS (
                UPDATE people SET name = coalesce(@name, name), external_id = coalesce(@external_id, external_id), updated_at = now()
                WHERE id = @id AND {scope.Condition("user_id")} RETURNING *)
            SELECT {PersonColumns} FROM p
            """);
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<string?>("name", NpgsqlDbType.Text) { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string?>("external_id", NpgsqlDbType.Text) { TypedValue = externalId });
        return (await ReadPeopleAsync(command, externalId, ct)).SingleOrDefault();
    }

    /// <summary>Deletes the person and their faces. False when there is no such person in <paramref name="scope"/>.</summary>
    public async Task<bool> DeleteAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"DELETE FROM people WHERE id = @id AND {scope.Condition("user_id")}");
        command.Parameters.AddWithValue("id", id);
        scope.AddParameter(command.Parameters);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>
    /// Enrols a face; <paramref name="alignedFace"/>: the crop the embedder saw (RGB, 112x112), kept for re-embedding
    /// under a later model. Null when there is no such person in <paramref name="scope"/> (deleted meanwhile included).
    /// </summary>
    public async Task<PersonFaceRecord?> AddFaceAsync(Guid personId, OwnerScope scope, Guid? imageId, float[] box, float[] landmarks,
        float[] embedding, string modelId, string modelVersion, byte[]? alignedFace, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO person_faces (id, person_id, image_id, box, landmarks, embedding, model_id, model_version, aligned_face)
            SELECT @id, p.id, @image_id, @box, @landmarks, @embedding, @model_id, @model_version, @aligned_face FROM people p
            WHERE p.id = @person_id AND {scope.Condition("p.user_id")}
            RETURNING {FaceColumns}
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        scope.AddParameter(command.Parameters);
        command.Parameters.AddWithValue("person_id", personId);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("image_id", NpgsqlDbType.Uuid) { TypedValue = imageId });
        command.Parameters.AddWithValue("box", box);
        command.Parameters.AddWithValue("landmarks", landmarks);
        command.Parameters.AddWithValue("embedding", embedding);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        command.Parameters.Add(new NpgsqlParameter<byte[]?>("aligned_face", NpgsqlDbType.Bytea) { TypedValue = alignedFace });
        try
        {
            return (await ReadFacesAsync(command, ct)).SingleOrDefault();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return null; // the person was deleted between the SELECT and the INSERT's check
        }
    }

    /// <summary>Oldest first; empty when the person is not in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<PersonFaceRecord>> ListFacesAsync(Guid personId, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {FaceColumns} FROM person_faces
            WHERE person_id = @person_id AND EXISTS (SELECT 1 FROM people p WHERE p.id = @person_id AND {scope.Condition("p.user_id")})
            ORDER BY created_at, id
            """);
        command.Parameters.AddWithValue("person_id", personId);
        scope.AddParameter(command.Parameters);
        return await ReadFacesAsync(command, ct);
    }

    /// <summary>False when there is no such face of this person, or the person is not in <paramref name="scope"/>.</summary>
    public async Task<bool> DeleteFaceAsync(Guid personId, Guid faceId, OwnerScope scope, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            DELETE FROM person_faces f USING people p
            WHERE f.id = @id AND f.person_id = @person_id AND p.id = f.person_id AND {scope.Condition("p.user_id")}
            """);
        command.Parameters.AddWithValue("id", faceId);
        scope.AddParameter(command.Parameters);
        command.Parameters.AddWithValue("person_id", personId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Changes with every face enrolled or deleted.</summary>
    public async Task<long> GalleryVersionAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT version FROM face_gallery_version");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Every face embedded by this model version with its person's owner, and the gallery version they are (read in one snapshot).</summary>
    public async Task<GallerySnapshot> LoadGalleryAsync(string modelId, string modelVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var version = new NpgsqlCommand("SELECT version FROM face_gallery_version", connection, transaction);
        var current = (long)(await version.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand(
            """
            SELECT f.id, f.person_id, f.embedding, p.user_id FROM person_faces f JOIN people p ON p.id = f.person_id
            WHERE f.model_id = @model_id AND f.model_version = @model_version
            """,
            connection, transaction);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        var faces = new List<GalleryFace>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                faces.Add(new GalleryFace(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<float[]>(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3)));
            }
        }
        await transaction.CommitAsync(ct);
        return new GallerySnapshot(current, faces);
    }

    /// <summary>The names of those of <paramref name="ids"/> that exist in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, OwnerScope scope, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }
        await using var command = db.CreateCommand($"SELECT id, name FROM people WHERE id = ANY(@ids) AND {scope.Condition("user_id")}");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        scope.AddParameter(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names[reader.GetGuid(0)] = reader.GetString(1);
        }
        return names;
    }

    private static async Task<IReadOnlyList<PersonRecord>> ReadPeopleAsync(NpgsqlCommand command, string? externalId, CancellationToken ct)
    {
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var people = new List<PersonRecord>();
            while (await reader.ReadAsync(ct))
            {
                people.Add(new PersonRecord(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
            }
            return people;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && externalId is not null)
        {
            throw new DuplicateExternalIdException(externalId);
        }
    }

    private static async Task<IReadOnlyList<PersonFaceRecord>> ReadFacesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var faces = new List<PersonFaceRecord>();
        while (await reader.ReadAsync(ct))
        {
            faces.Add(new PersonFaceRecord(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetFieldValue<float[]>(3), reader.GetFieldValue<float[]>(4), reader.GetFieldValue<float[]>(5),
                reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return faces;
    }
}
