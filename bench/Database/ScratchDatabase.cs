using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VisionAspire.Data;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Bench.Database;

/// <summary>A migrated database of its own on a Postgres the benchmark started, and the plain statements seeding needs.</summary>
public static class ScratchDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(TestServers servers, string name)
    {
        var admin = await servers.ConnectionStringAsync(TestServers.Postgres);
        await using (var server = NpgsqlDataSource.Create(admin))
        {
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
        }

        var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
        return db;
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Without a command timeout: seeding a million rows takes minutes.</summary>
    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
