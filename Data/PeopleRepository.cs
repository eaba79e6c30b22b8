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

    /// <summary>Throws <see cref="DuplicateExternalIdException"/> when the external id is taken.</summary>
    public async Task<PersonRecord> CreateAsync(string name, string? externalId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            WITH p AS (INSERT INTO people (id, name, external_id) VALUES (@id, @name, @external_id) RETURNING *)
            SELECT {PersonColumns} FROM p
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter<string?>("external_id", NpgsqlDbType.Text) { TypedValue = externalId });
        return (await ReadPeopleAsync(command, externalId, ct)).Single();
    }

    public async Task<PersonRecord?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {PersonColumns} FROM people p WHERE p.id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadPeopleAsync(command, null, ct)).SingleOrDefault();
    }

    /// <summary>Newest first.</summary>
    public async Task<(IReadOnlyList<PersonRecord> Items, long Total)> ListAsync(int page, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        await using var count = db.CreateCommand("SELECT count(*) FROM people");
        var total = (long)(await count.ExecuteScalarAsync(ct))!;
        await using var command = db.CreateCommand(
            $"SELECT {PersonColumns} FROM people p ORDER BY p.created_at DESC, p.id DESC LIMIT @limit OFFSET @offset");
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * limit);
        return (await ReadPeopleAsync(command, null, ct), total);
    }

    /// <summary>Sets the fields that are not null. Null when there is no such person; throws <see cref="DuplicateExternalIdException"/>.</summary>
    public async Task<PersonRecord?> UpdateAsync(Guid id, string? name, string? externalId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            WITH p AS (
                UPDATE people SET name = coalesce(@name, name), external_id = coalesce(@external_id, external_id), updated_at = now()
                WHERE id = @id RETURNING *)
            SELECT {PersonColumns} FROM p
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter<string?>("name", NpgsqlDbType.Text) { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string?>("external_id", NpgsqlDbType.Text) { TypedValue = externalId });
        return (await ReadPeopleAsync(command, externalId, ct)).SingleOrDefault();
    }

    /// <summary>Deletes the person and their faces. False when there is no such person.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM people WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Enrols a face. Null when there is no such person (deleted meanwhile included).</summary>
    public async Task<PersonFaceRecord?> AddFaceAsync(Guid personId, Guid? imageId, float[] box, float[] landmarks, float[] embedding,
        string modelId, string modelVersion, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO person_faces (id, person_id, image_id, box, landmarks, embedding, model_id, model_version)
            SELECT @id, p.id, @image_id, @box, @landmarks, @embedding, @model_id, @model_version FROM people p WHERE p.id = @person_id
            RETURNING {FaceColumns}
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("person_id", personId);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("image_id", NpgsqlDbType.Uuid) { TypedValue = imageId });
        command.Parameters.AddWithValue("box", box);
        command.Parameters.AddWithValue("landmarks", landmarks);
        command.Parameters.AddWithValue("embedding", embedding);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        try
        {
            return (await ReadFacesAsync(command, ct)).SingleOrDefault();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return null; // the person was deleted between the SELECT and the INSERT's check
        }
    }

    /// <summary>Oldest first.</summary>
    public async Task<IReadOnlyList<PersonFaceRecord>> ListFacesAsync(Guid personId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {FaceColumns} FROM person_faces WHERE person_id = @person_id ORDER BY created_at, id");
        command.Parameters.AddWithValue("person_id", personId);
        return await ReadFacesAsync(command, ct);
    }

    public async Task<bool> DeleteFaceAsync(Guid personId, Guid faceId, CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM person_faces WHERE id = @id AND person_id = @person_id");
        command.Parameters.AddWithValue("id", faceId);
        command.Parameters.AddWithValue("person_id", personId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Changes with every face enrolled or deleted.</summary>
    public async Task<long> GalleryVersionAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT version FROM face_gallery_version");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Every face embedded by this model version, and the gallery version they are (read in one snapshot).</summary>
    public async Task<GallerySnapshot> LoadGalleryAsync(string modelId, string modelVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var version = new NpgsqlCommand("SELECT version FROM face_gallery_version", connection, transaction);
        var current = (long)(await version.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand(
            "SELECT id, person_id, embedding FROM person_faces WHERE model_id = @model_id AND model_version = @model_version",
            connection, transaction);
        command.Parameters.AddWithValue("model_id", modelId);
        command.Parameters.AddWithValue("model_version", modelVersion);
        var faces = new List<GalleryFace>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                faces.Add(new GalleryFace(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<float[]>(2)));
            }
        }
        await transaction.CommitAsync(ct);
        return new GallerySnapshot(current, faces);
    }

    /// <summary>The names of those of <paramref name="ids"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }
        await using var command = db.CreateCommand("SELECT id, name FROM people WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
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
