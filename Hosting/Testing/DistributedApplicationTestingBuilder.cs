using Microsoft.Extensions.Configuration;
using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting.Testing;

/// <summary>
/// Starts an AppHost's real topology for a test, like Aspire.Hosting.Testing:
/// <code>
/// var appHost = await DistributedApplicationTestingBuilder.CreateAsync&lt;Projects.AppHost&gt;();
/// await using var app = await appHost.BuildAsync();
/// await app.StartAsync();
/// await app.ResourceNotifications.WaitForResourceHealthyAsync("api");
/// using var http = app.CreateHttpClient("api");
/// var redis = await app.GetConnectionStringAsync("cache");
/// var workerPids = app.GetResourceProcessIds("workers");   // one per running replica
/// app.KillResourceProcess("workers", replica: 1);          // a crash; the orchestrator restarts it
/// </code>
/// Test runs differ from <c>make run</c> in: a fresh temporary state folder (deleted when the app is disposed),
/// free ports for every endpoint, no dashboard and no log echo (read logs with <c>GetResourceLogs</c>, or set
/// VISION_APPHOST_ECHO_LOGS=1). Disposing the app stops everything and leaves no process behind.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Runs <typeparamref name="TEntryPoint"/>'s assembly entry point (the AppHost's Program.cs) up to builder.Build().</summary>
    /// <typeparam name="TEntryPoint">Any type of the AppHost assembly, conventionally <c>Projects.AppHost</c>.</typeparam>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : class =>
        CreateAsync<TEntryPoint>([], null, cancellationToken);

    /// <param name="args">Command-line arguments for the AppHost (e.g. "--Parameters:x=y").</param>
    /// <param name="configure">Changes the test options further (e.g. a shorter RestartDelay).</param>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(
        string[] args, Func<DistributedApplicationOptions, DistributedApplicationOptions>? configure, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var builder = await DistributedApplicationEntryPointHook
            .CaptureBuilderAsync(typeof(TEntryPoint).Assembly, args, options => Configure(options, configure))
            .WaitAsync(cancellationToken);
        return new TestingBuilder(builder);
    }

    /// <summary>An empty application with the test options, for a topology the test declares itself.</summary>
    public static IDistributedApplicationTestingBuilder Create(
        string[]? args = null, Func<DistributedApplicationOptions, DistributedApplicationOptions>? configure = null) =>
        new TestingBuilder(new DistributedApplicationBuilder(Configure(DistributedApplicationOptions.Parse(args ?? []), configure)));

    private static DistributedApplicationOptions Configure(
        DistributedApplicationOptions options, Func<DistributedApplicationOptions, DistributedApplicationOptions>? configure)
    {
        var test = options with
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), $"visionaspire-test-{Guid.NewGuid():N}"),
            Fresh = true,
            RandomizePorts = true,
            DashboardEnabled = false,
            EchoLogs = Environment.GetEnvironmentVariable("VISION_APPHOST_ECHO_LOGS") == "1",
            DeleteStateDirectoryOnStop = true,
        };
        return configure?.Invoke(test) ?? test;
    }

    private sealed class TestingBuilder(DistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public IConfigurationManager Configuration => inner.Configuration;

        public DistributedApplicationOptions Options => inner.Options;

        public IReadOnlyList<IResource> Resources => inner.Resources;

        public bool IsPublishMode => inner.IsPublishMode;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

        public DistributedApplication Build() => inner.BuildApplication();

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());
    }
}

/// <summary>The builder a test gets: the AppHost's resources, to adjust before <see cref="BuildAsync"/>.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
