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

    /// <summary>
    /// Builds and starts the AppHost <typeparamref name="TEntryPoint"/>, then waits until <paramref name="healthy"/> are
    /// healthy, for at most <paramref name="timeout"/> (default <see cref="StartTimeout"/>).
    /// </summary>
    public static async Task<TestAppHost> StartAsync<TEntryPoint>(
        string[] healthy, Action<IDistributedApplicationTestingBuilder>? configure = null, TimeSpan? timeout = null) where TEntryPoint : class
    {
        using var cts = new CancellationTokenSource(timeout ?? StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TEntryPoint>(TestState.Arguments(out var state), cts.Token);
        WithoutTelemetryExport(builder);
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

    /// <summary>
    /// The testing builder runs no dashboard but still points every service's OTLP exporter at the default
    /// localhost:4317, where nothing listens: each service would keep failing and retrying exports (1-3 ms of CPU
    /// per image in bench/E2E). A test that wants the telemetry sets its own endpoint in <c>configure</c>.
    /// </summary>
    private static void WithoutTelemetryExport(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>().ToList())
        {
            SetEnvironment(builder, service.Name, "OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
    }

    /// <summary>A client of the Api that authenticates as the admin (exempt from rate limits).</summary>
    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add(TestKeys.Header, TestKeys.Admin);
        return client;
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
