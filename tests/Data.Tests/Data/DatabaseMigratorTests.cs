using Npgsql;

namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class DatabaseMigratorTests(ServersFixture servers)
{
    private static readonly string[] Tables = ["users", "model_versions", "images", "predictions", "jobs", "job_events", "job_items", "people", "person_faces"];

    [Fact]
    public async Task Four_racing_migrators_apply_each_migration_exactly_once()
    {
        var db = await servers.CreateDatabaseAsync();
        var embedded = Migration.LoadEmbedded();
        var loggers = Enumerable.Range(0, 4).Select(_ => new ListLogger()).ToArray();

        await Task.WhenAll(loggers.Select(logger => Task.Run(() => DatabaseMigrator.MigrateAsync(db, logger, CancellationToken.None))));

        var applyLines = loggers.SelectMany(l => l.Lines).Count(line => line.Contains("Applied migration"));
        Assert.Equal(embedded.Count, applyLines);
        Assert.Equal(embedded.Select(m => m.Version), await AppliedVersionsAsync(db));
        foreach (var table in Tables)
        {
            await using var exists = db.CreateCommand($"SELECT to_regclass('public.{table}') IS NOT NULL");
            Assert.True((bool)(await exists.ExecuteScalarAsync())!, $"table {table} missing");
        }
    }

    [Fact]
    public void Embedded_migrations_have_unique_ascending_numbers_from_one()
    {
        // Numbers are reserved per branch of work, so one may stay unused (a gap) while a later one is merged.
        var versions = Migration.LoadEmbedded().Select(m => m.Version).ToArray();

        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Order().Distinct(), versions);
    }

    [Fact]
    public async Task An_edited_applied_migration_stops_start_up()
    {
        var db = await servers.CreateDatabaseAsync();
        var original = new Migration(1, "things", "CREATE TABLE things (id int)");
        await DatabaseMigrator.MigrateAsync(db, [original], new ListLogger(), CancellationToken.None);

        var edited = original with { Sql = "CREATE TABLE things (id bigint)" };
        var error = await Assert.ThrowsAsync<MigrationChecksumException>(
            () => DatabaseMigrator.MigrateAsync(db, [edited], new ListLogger(), CancellationToken.None));

        Assert.Equal(1, error.Version);
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_and_releases_the_lock()
    {
        var db = await servers.CreateDatabaseAsync();
        Migration[] migrations = [new(1, "ok", "CREATE TABLE ok (id int)"), new(2, "broken", "CREATE TABLE broken (id int); SELECT no_such_function();")];

        await Assert.ThrowsAsync<PostgresException>(() => DatabaseMigrator.MigrateAsync(db, migrations, new ListLogger(), CancellationToken.None));

        Assert.Equal([1], await AppliedVersionsAsync(db));
        await using (var broken = db.CreateCommand("SELECT to_regclass('public.broken') IS NULL"))
        {
            Assert.True((bool)(await broken.ExecuteScalarAsync())!);
        }

        // The lock was released: a fixed migration set now applies (this would block forever otherwise).
        Migration[] fixedSet = [migrations[0], new(2, "broken", "CREATE TABLE broken (id int)")];
        await DatabaseMigrator.MigrateAsync(db, fixedSet, new ListLogger(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([1, 2], await AppliedVersionsAsync(db));
    }

    private static async Task<List<int>> AppliedVersionsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
