using System.Collections.Concurrent;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.Data;
using VisionAspire.Hosting.Servers;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests;

/// <summary>
/// One real Postgres and one real RabbitMQ for the whole test run, on free loopback ports under a temp folder.
/// Test classes get their own database, created on first use.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vision-data-tests-{Guid.NewGuid():N}");
    private readonly ConcurrentDictionary<Type, Lazy<Task<NpgsqlDataSource>>> _classDatabases = new();
    private readonly ConcurrentBag<IAsyncDisposable> _owned = [];
    private NpgsqlDataSource _admin = null!;

    public PostgresServerProcess Postgres { get; private set; } = null!;

    public RabbitMqServerProcess RabbitMq { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_root, "postgres"), Fresh = true });
        var rabbitMq = RabbitMqServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_root, "rabbitmq"), Fresh = true });
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        catch
        {
            await Task.WhenAll(DisposeIfStarted(postgres), DisposeIfStarted(rabbitMq));
            throw;
        }

        Postgres = postgres.Result;
        RabbitMq = rabbitMq.Result;
        _admin = NpgsqlDataSource.Create(Postgres.ConnectionString);

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
        var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = name, MaxPoolSize = 8 }.ConnectionString);
        _owned.Add(db);
        return db;
    }

    /// <summary>A new connection to the broker (or to a proxy in front of it), owned by the caller.</summary>
    public Task<IConnection> ConnectAsync(int? viaPort = null) =>
        new ConnectionFactory { Uri = new UriBuilder(RabbitMq.ConnectionString) { Port = viaPort ?? RabbitMq.Port }.Uri }.CreateConnectionAsync();

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
        await Task.WhenAll(DisposeIfStarted(Task.FromResult<ServerProcess?>(Postgres)), DisposeIfStarted(Task.FromResult<ServerProcess?>(RabbitMq)));
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A straggling server file; the temp folder is cleaned by the OS eventually.
        }
    }

    private static async Task DisposeIfStarted<T>(Task<T> start) where T : ServerProcess?
    {
        if (start.IsCompletedSuccessfully && start.Result is { } server)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
