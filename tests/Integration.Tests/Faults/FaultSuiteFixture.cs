using Aspire.Hosting.Testing;
using Npgsql;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// The real AppHost for the fault suite: every test of <see cref="FaultSuiteCollection"/> stops, kills and restarts
/// parts of this one topology under load, then waits until the pipeline has settled again, so the next test starts
/// from a whole topology. The settings are the shipped defaults (the sweeper republishes uploads still "uploaded" after
/// 30 s): a shorter grace would also republish images merely waiting in a long queue.
/// </summary>
public sealed class FaultSuiteFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["api", "preprocessor", "workers"];

    private NpgsqlDataSource? _database;

    public TestAppHost Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    /// <summary>The topology's Postgres, read directly: the Api is one of the things the tests take down.</summary>
    public ImageLedger Ledger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestAppHost.StartAsync<Projects.AppHost>(Services);
        var http = Host.CreateApiClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        Api = new ApiClient(http);
        _database = NpgsqlDataSource.Create((await Host.App.GetConnectionStringAsync("visiondb"))!);
        Ledger = new ImageLedger(_database);
    }

    public async Task DisposeAsync()
    {
        Api?.Http.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultSuiteCollection : ICollectionFixture<FaultSuiteFixture>
{
    public const string Name = "FaultSuite";

    /// <summary>The trait `make test-faults` filters on.</summary>
    public const string Category = "Faults";
}
