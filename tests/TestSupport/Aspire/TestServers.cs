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
    public async Task StopAsync(string server)
    {
        var commands = App.Services.GetService(typeof(ResourceCommandService)) as ResourceCommandService
            ?? throw new InvalidOperationException("no ResourceCommandService");
        var result = await commands.ExecuteCommandAsync(Instance(server), KnownResourceCommands.StopCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"stopping {server}: {result.Message}");
        }
    }

    /// <summary>Starts a stopped server again and waits until it is healthy.</summary>
    public async Task StartAsync(string server)
    {
        var commands = App.Services.GetService(typeof(ResourceCommandService)) as ResourceCommandService
            ?? throw new InvalidOperationException("no ResourceCommandService");
        var result = await commands.ExecuteCommandAsync(Instance(server), KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"starting {server}: {result.Message}");
        }
        using var cts = new CancellationTokenSource(TestAppHost.StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(server, cts.Token);
    }

    private string Instance(string server) => Processes.Instances(server).Single();

    public async ValueTask DisposeAsync()
    {
        Processes.Dispose();
        await App.DisposeAsync();
        TestState.Delete(_stateDirectory);
    }
}
