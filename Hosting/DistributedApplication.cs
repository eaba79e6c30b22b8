using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using VisionAspire.Hosting.Dashboard;
using VisionAspire.Hosting.Orchestration;
using VisionAspire.Hosting.Publishing;
using VisionAspire.Hosting.Servers;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Hosting;

/// <summary>
/// The built application. <see cref="Run"/> either writes the manifest (<c>--publisher manifest --output-path X</c>)
/// or starts every resource locally and keeps them running until Ctrl+C / SIGTERM, then stops them in reverse
/// dependency order. Thread-safe.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Orchestrator _orchestrator;
    private DashboardServer? _dashboard;

    internal DistributedApplication(DistributedApplicationModel model, DistributedApplicationOptions options, IConfiguration configuration)
    {
        Model = model;
        Options = options;
        Configuration = configuration;
        _orchestrator = new Orchestrator(model, options, configuration, ResourceNotifications);
    }

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationOptions Options { get; }

    public IConfiguration Configuration { get; }

    public ResourceNotificationService ResourceNotifications { get; } = new();

    /// <summary>The dashboard's address once started; null when it is turned off.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        DistributedApplicationEntryPointHook.CreateBuilder(DistributedApplicationOptions.Parse(args));

    /// <summary>Runs until stopped; errors a person can fix (a missing server, a bad argument) end in one line on stderr and exit code 1.</summary>
    public void Run()
    {
        try
        {
            RunAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ServerNotInstalledException or DistributedApplicationException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Options.IsPublishMode)
        {
            ManifestPublisher.Publish(this);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            await StartAsync(stop.Token);
            if (DashboardUrl is { } dashboard)
            {
                Console.WriteLine($"Dashboard: {dashboard}");
            }
            _ = AnnounceExternalEndpointsAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            Console.WriteLine("Stopping...");
            await StopAsync();
        }
    }

    /// <summary>Starts every resource; returns once the servers are up while projects keep starting.</summary>
    /// <exception cref="ServerNotInstalledException">A server binary is missing; nothing was started.</exception>
    /// <exception cref="DistributedApplicationException">A server failed to start; everything was stopped again.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Options.IsPublishMode)
        {
            throw new InvalidOperationException("A publishing run starts nothing.");
        }
        if (Options.DashboardEnabled)
        {
            _dashboard = await DashboardServer.StartAsync(Options.DashboardPort, ResourceNotifications, _orchestrator.GetLogs, cancellationToken);
        }
        await _orchestrator.StartAsync(cancellationToken);
    }

    /// <summary>Stops everything in reverse dependency order; returns when no child process is left.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _orchestrator.StopAsync().WaitAsync(cancellationToken);
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }
    }

    /// <summary>The connection string a referencing project receives; null for resources without one.</summary>
    public Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        _orchestrator.GetConnectionStringAsync(resourceName, cancellationToken);

    /// <summary>The address of an endpoint (replica 0 for a replicated resource).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http") => _orchestrator.GetEndpoint(resourceName, endpointName);

    /// <summary>An HttpClient whose BaseAddress is the resource's endpoint.</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    /// <summary>PIDs of the running instances (one per replica that is running now).</summary>
    public IReadOnlyList<int> GetResourceProcessIds(string resourceName) => _orchestrator.GetProcessIds(resourceName);

    /// <summary>SIGKILLs one replica's process tree as a crash would; it is restarted with back-off. False when it was not running.</summary>
    public bool KillResourceProcess(string resourceName, int replica = 0) => _orchestrator.Kill(resourceName, replica);

    /// <summary>The last log lines of one instance ("api", or "workers-1" for a replica).</summary>
    public IReadOnlyList<string> GetResourceLogs(string instanceName) => _orchestrator.GetLogs(instanceName);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AnnounceExternalEndpointsAsync(CancellationToken ct)
    {
        foreach (var resource in Model.Resources.OfType<ApplicationModel.ExecutableResource>().Where(r => r.Endpoints.Any(e => e.IsExternal)))
        {
            try
            {
                await ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, ct);
                Console.WriteLine($"{resource.Name} is ready: {GetEndpoint(resource.Name)}");
            }
            catch (Exception e) when (e is OperationCanceledException or DistributedApplicationException)
            {
                return;
            }
        }
    }
}
