using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace VisionAspire.TestSupport.Aspire;

/// <summary>
/// Real Redis, Postgres and RabbitMQ for component tests: the AppHost's own server resources in a topology of their own,
/// started through Aspire.Hosting.Testing (no dashboard), on random loopback ports in a temp state folder.
/// </summary>
public sealed class TestServers : IAsyncDisposable
{
    public const string Redis = "cache";
    public const string Postgres = "postgres";
    public const string RabbitMQ = "messaging";

    private readonly string _stateDirectory;

    private TestServers(DistributedApplication app, string stateDirectory)
    {
        App = app;
        Processes = new ResourceProcesses(app);
        _stateDirectory = stateDirectory;
    }

    public DistributedApplication App { get; }

    public ResourceProcesses Processes { get; }

    public static async Task<TestServers> StartAsync(params string[] servers)
    {
        var builder = DistributedApplicationTestingBuilder.Create(
            TestState.Arguments(out var state), (options, _) => options.DisableDashboard = true);
        if (servers.Contains(Redis))
        {
            builder.AddRedis(Redis).RunAsLocalProcessWithoutDocker();
        }
        if (servers.Contains(Postgres))
        {
            // The server's connection string (no database): tests make their own databases on it.
            builder.AddPostgres(Postgres).AddDatabase("postgres-admin", "postgres").RunAsLocalProcessWithoutDocker();
        }
        if (servers.Contains(RabbitMQ))
        {
            builder.AddRabbitMQ(RabbitMQ).RunAsLocalProcessWithoutDocker();
        }

        using var cts = new CancellationTokenSource(TestAppHost.StartTimeout);
        var app = await builder.BuildAsync(cts.Token);
        var started = new TestServers(app, state);
        try
        {
            await app.StartAsync(cts.Token);
            foreach (var name in servers)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cts.Token);
            }
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async Task<string> ConnectionStringAsync(string server) =>
        await App.GetConnectionStringAsync(server) ?? throw new InvalidOperationException($"{server} has no connection string");

    /// <summary>Stops a server the way the dashboard's Stop does, and waits until it has exited.</summary>
    public Task StopAsync(string server) => App.StopResourceAsync(Processes, server);

    /// <summary>Starts a stopped server again and waits until it is healthy.</summary>
    public Task StartAsync(string server) => App.StartResourceAsync(Processes, server);

    public async ValueTask DisposeAsync()
    {
        Processes.Dispose();
        await App.DisposeAsync();
        TestState.Delete(_stateDirectory);
    }
}
