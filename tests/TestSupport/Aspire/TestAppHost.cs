using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace VisionAspire.TestSupport.Aspire;

/// <summary>The real AppHost's topology through Aspire.Hosting.Testing, on random ports with its own state folder.</summary>
public sealed class TestAppHost : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly string _stateDirectory;

    private TestAppHost(DistributedApplication app, string stateDirectory)
    {
        App = app;
        Processes = new ResourceProcesses(app);
        _stateDirectory = stateDirectory;
    }

    public DistributedApplication App { get; }

    public ResourceProcesses Processes { get; }

    /// <summary>Builds and starts the AppHost <typeparamref name="TEntryPoint"/>, then waits until <paramref name="healthy"/> are healthy.</summary>
    public static async Task<TestAppHost> StartAsync<TEntryPoint>(
        string[] healthy, Action<IDistributedApplicationTestingBuilder>? configure = null) where TEntryPoint : class
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TEntryPoint>(TestState.Arguments(out var state), cts.Token);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cts.Token);
        var host = new TestAppHost(app, state);
        try
        {
            await app.StartAsync(cts.Token);
            foreach (var name in healthy)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cts.Token);
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets an environment variable of one project resource before the topology is built.</summary>
    public static void SetEnvironment(IDistributedApplicationTestingBuilder builder, string resource, string name, string value) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == resource))
            .WithEnvironment(name, value);

    public async ValueTask DisposeAsync()
    {
        Processes.Dispose();
        await App.DisposeAsync();
        TestState.Delete(_stateDirectory);
    }
}
