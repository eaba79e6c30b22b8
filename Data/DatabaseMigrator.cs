using Microsoft.Extensions.Logging;
using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Applies pending migrations once, even when several replicas start together: every migrator takes the
/// same Postgres advisory lock, so one applies and the others then find nothing left to do.
/// </summary>
public static class DatabaseMigrator
{
    // Any constant works as long as every process migrating this database uses the same one.
    private const long AdvisoryLockKey = 0x5649_5349_4F4E_0001;

    public static Task MigrateAsync(NpgsqlDataSource db, ILogger logger, CancellationToken ct) =>
        MigrateAsync(db, Migration.LoadEmbedded(), logger, ct);

    public static async Task MigrateAsync(NpgsqlDataSource db, IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);

            var applied = await ReadAppliedAsync(connection, ct);
            foreach (var migration in migrations.OrderBy(m => m.Version))
            {
                if (applied.Remove(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new MigrationChecksumException(migration.Version, migration.Name, checksum, migration.Checksum);
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, ct);
                logger.LogInformation("Applied migration {Version:D4}_{Name}", migration.Version, migration.Name);
            }

            foreach (var version in applied.Keys)
            {
                logger.LogWarning("Database has migration {Version} that this build does not know; it is newer than the code", version);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(ct);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
