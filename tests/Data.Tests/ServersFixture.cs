using System.Collections.Concurrent;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.Data;
using VisionAspire.Messaging;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Data.Tests;

/// <summary>
/// One real Postgres and one real RabbitMQ for the whole test run (the AppHost's server resources, started through
/// Aspire.Hosting.Testing on free loopback ports under a temp folder).
/// Test classes get their own database, created on first use.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<NpgsqlDataSource>>> _classDatabases = new();
    private readonly ConcurrentBag<IAsyncDisposable> _owned = [];
    private NpgsqlDataSource _admin = null!;

    private TestServers _servers = null!;

    public string PostgresConnectionString { get; private set; } = null!;

    public Uri RabbitMqUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.StartAsync(TestServers.Postgres, TestServers.RabbitMQ);
        PostgresConnectionString = await _servers.ConnectionStringAsync(TestServers.Postgres);
        RabbitMqUri = new Uri(await _servers.ConnectionStringAsync(TestServers.RabbitMQ));
        _admin = NpgsqlDataSource.Create(PostgresConnectionString);

        await using var connection = await ConnectAsync();
        await MessagingTopology.DeclareAsync(connection, CancellationToken.None);
    }

    /// <summary>The migrated database of <paramref name="testClass"/>, created on first call.</summary>
    public Task<NpgsqlDataSource> DatabaseForAsync(Type testClass) =>
        _classDatabases.GetOrAdd(testClass, _ => new Lazy<Task<NpgsqlDataSource>>(CreateMigratedDatabaseAsync)).Value;

    /// <summary>A new database with the embedded migrations applied.</summary>
    public async Task<NpgsqlDataSource> CreateMigratedDatabaseAsync()
    {
        var db = await CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(db, new ListLogger(), CancellationToken.None);
        return db;
    }

    /// <summary>A new, empty database.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var create = _admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        // Small pools: every test database keeps its idle connections, and the server allows 100 in all.
        var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name, MaxPoolSize = 8 }.ConnectionString);
        _owned.Add(db);
        return db;
    }

    /// <summary>A new connection to the broker (or to a proxy in front of it), owned by the caller.</summary>
    public Task<IConnection> ConnectAsync(int? viaPort = null) =>
        new ConnectionFactory { Uri = new UriBuilder(RabbitMqUri) { Port = viaPort ?? RabbitMqUri.Port }.Uri }.CreateConnectionAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
