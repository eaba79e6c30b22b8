using Npgsql;

namespace VisionAspire.Data;

/// <summary>Users. Thread-safe: every call uses its own pooled connection.</summary>
public sealed class UserRepository(NpgsqlDataSource db)
{
    private const string Columns = "id, email, display_name, role, created_at, updated_at";

    /// <summary>Creates the user, or returns null when the email is taken (emails compare case-insensitively).</summary>
    public async Task<UserRecord?> CreateAsync(string email, string? displayName, string role, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO users (id, email, display_name, role) VALUES (@id, lower(@email), @name, @role)
            ON CONFLICT (email) DO NOTHING
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("name", (object?)displayName ?? DBNull.Value);
        command.Parameters.AddWithValue("role", role);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    /// <summary>The user with this email, created with <paramref name="role"/> when missing. Race-safe.</summary>
    public async Task<UserRecord> GetOrCreateAsync(string email, string role, CancellationToken ct)
    {
        return await CreateAsync(email, null, role, ct)
               ?? await GetByEmailAsync(email, ct)
               ?? throw new InvalidOperationException($"user {email} vanished while being created");
    }

    public async Task<UserRecord?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM users WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private async Task<UserRecord?> GetByEmailAsync(string email, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM users WHERE email = lower(@email)");
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private static UserRecord Map(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5));
}
