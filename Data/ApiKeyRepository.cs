using Npgsql;

namespace VisionAspire.Data;

/// <summary>API keys (salted hashes only). Thread-safe: every call uses its own pooled connection.</summary>
public sealed class ApiKeyRepository(NpgsqlDataSource db)
{
    private const string Columns = "id, user_id, name, prefix, salt, hash, created_at, last_used_at, revoked_at";

    public async Task<ApiKeyRecord> InsertAsync(Guid userId, string name, string prefix, byte[] salt, byte[] hash, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO api_keys (id, user_id, name, prefix, salt, hash) VALUES (@id, @user, @name, @prefix, @salt, @hash)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("salt", salt);
        command.Parameters.AddWithValue("hash", hash);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return Map(reader);
    }

    /// <summary>The key with this prefix and its owner, revoked or not.</summary>
    public async Task<(ApiKeyRecord Key, UserRecord Owner)?> FindByPrefixAsync(string prefix, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT k.{Columns.Replace(", ", ", k.", StringComparison.Ordinal)},
                   u.id, u.email, u.display_name, u.role, u.created_at, u.updated_at
            FROM api_keys k JOIN users u ON u.id = k.user_id
            WHERE k.prefix = @prefix
            """);
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var owner = new UserRecord(reader.GetGuid(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.GetString(12), reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14));
        return (Map(reader), owner);
    }

    /// <summary>The user's keys, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM api_keys WHERE user_id = @user ORDER BY created_at, id");
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(Map(reader));
        }

        return keys;
    }

    /// <summary>Revokes one of the user's keys; false when the user has no such key (or it is revoked already).</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid keyId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "UPDATE api_keys SET revoked_at = now() WHERE id = @id AND user_id = @user AND revoked_at IS NULL");
        command.Parameters.AddWithValue("id", keyId);
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Revokes the user's live keys called <paramref name="name"/> except <paramref name="keep"/>.</summary>
    public async Task<int> RevokeOthersNamedAsync(Guid userId, string name, Guid keep, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "UPDATE api_keys SET revoked_at = now() WHERE user_id = @user AND name = @name AND id <> @keep AND revoked_at IS NULL");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("keep", keep);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records a use, at most once per <paramref name="granularity"/> per key, so reads do not become writes.</summary>
    public async Task TouchAsync(Guid keyId, TimeSpan granularity, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            UPDATE api_keys SET last_used_at = now()
            WHERE id = @id AND (last_used_at IS NULL OR last_used_at < now() - @granularity)
            """);
        command.Parameters.AddWithValue("id", keyId);
        command.Parameters.AddWithValue("granularity", granularity);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ApiKeyRecord Map(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<byte[]>(4), r.GetFieldValue<byte[]>(5),
        r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8));
}
