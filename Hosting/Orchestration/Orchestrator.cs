using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using VisionAspire.Hosting.ApplicationModel;
using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>
/// Run mode: starts every resource as a supervised child process in dependency order and stops them in reverse.
/// Thread-safe.
/// </summary>
internal sealed class Orchestrator
{
    private static readonly TimeSpan ProjectStopGrace = TimeSpan.FromSeconds(10);
    private static readonly Lock ConsoleGate = new();

    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly IConfiguration _configuration;
    private readonly ResourceNotificationService _notifications;
    private readonly Supervisor _supervisor;
    private readonly Dictionary<IResource, ResourceRuntime> _runtimes = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _supervisors = [];
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private ParameterValues? _parameters;
    private bool _stopped;

    public Orchestrator(
        DistributedApplicationModel model, DistributedApplicationOptions options, IConfiguration configuration,
        ResourceNotificationService notifications)
    {
        _model = model;
        _options = options;
        _configuration = configuration;
        _notifications = notifications;
        _supervisor = new Supervisor(options);
    }

    /// <summary>
    /// Starts everything; returns once every server is up (projects keep starting in the background).
    /// </summary>
    /// <exception cref="ServerNotInstalledException">A server binary is missing; nothing was started.</exception>
    /// <exception cref="DistributedApplicationException">A server failed to start; everything was stopped again.</exception>
    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var server in _model.Resources.OfType<ILocalServer>())
        {
            server.EnsureInstalled(_options.ServerSearchPath);
        }

        if (_options.Fresh && Directory.Exists(_options.StateDirectory))
        {
            Directory.Delete(_options.StateDirectory, recursive: true);
        }
        Directory.CreateDirectory(_options.StateDirectory);
        _parameters = new ParameterValues(_options.StateDirectory, _configuration);

        var serversUp = new List<Task>();
        foreach (var resource in StartOrder())
        {
            var runtime = CreateRuntime(resource);
            for (var replica = 0; replica < runtime.Instances.Count; replica++)
            {
                var firstStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _supervisors.Add(Supervise(runtime, replica, firstStart));
                if (resource is not ExecutableResource)
                {
                    serversUp.Add(firstStart.Task);
                }
            }
        }

        try
        {
            await Task.WhenAll(serversUp).WaitAsync(ct);
        }
        catch (Exception e)
        {
            await StopAsync();
            throw e as DistributedApplicationException ?? new DistributedApplicationException(e.Message.Split('\n')[0], e);
        }
    }

    /// <summary>Stops every instance, dependents before what they depend on, and waits until no process is left.</summary>
    public async Task StopAsync()
    {
        await _stopGate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            await _stopping.CancelAsync();
            await Task.WhenAll(_supervisors);

            foreach (var runtime in StartOrder().Reverse().Select(r => _runtimes.GetValueOrDefault(r)).OfType<ResourceRuntime>())
            {
                await Task.WhenAll(runtime.Instances.Select(StopInstanceAsync));
            }

            if (_options.DeleteStateDirectoryOnStop && Directory.Exists(_options.StateDirectory))
            {
                Directory.Delete(_options.StateDirectory, recursive: true);
            }
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public async Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken ct)
    {
        var runtime = Runtime(resourceName);
        return runtime.Resource is IResourceWithConnectionString
            ? await runtime.ConnectionString.Task.WaitAsync(ct)
            : null;
    }

    public Uri GetEndpoint(string resourceName, string endpointName)
    {
        var runtime = Runtime(resourceName);
        if (!runtime.Ports.TryGetValue((0, endpointName), out var port))
        {
            throw new ArgumentException($"'{resourceName}' has no endpoint '{endpointName}' (yet).", nameof(endpointName));
        }
        var scheme = runtime.Resource is ExecutableResource ? "http" : "tcp";
        return new Uri($"{scheme}://127.0.0.1:{port}");
    }

    public IReadOnlyList<int> GetProcessIds(string resourceName) =>
        [.. Runtime(resourceName).Instances.Select(i => i.Current?.ProcessId).OfType<int>()];

    public IReadOnlyList<string> GetLogs(string instanceName) =>
        _runtimes.Values.SelectMany(r => r.Instances).FirstOrDefault(i => i.Name == instanceName)?.Logs.Lines ?? [];

    /// <summary>SIGKILLs the process tree of one instance, as a crash would; the supervisor restarts it.</summary>
    public bool Kill(string resourceName, int replica)
    {
        var instance = Runtime(resourceName).Instances[replica];
        if (instance.Current is not { } current)
        {
            return false;
        }
        current.Kill();
        return true;
    }

    private ResourceRuntime Runtime(string name) => _runtimes.GetValueOrDefault(_model.Find(name))
        ?? throw new InvalidOperationException("The application has not been started.");

    private ResourceRuntime CreateRuntime(IResource resource)
    {
        var runtime = new ResourceRuntime(resource);
        _runtimes[resource] = runtime;
        var replicas = resource is ExecutableResource executable ? executable.Replicas : 1;
        if (resource is ContainerResource { PrimaryEndpoint.Port: { } serverPort } && !_options.RandomizePorts)
        {
            runtime.Ports[(0, ((ContainerResource)resource).PrimaryEndpoint.Name)] = serverPort;
        }
        for (var replica = 0; replica < replicas; replica++)
        {
            var endpoints = new List<string>();
            if (resource is ExecutableResource { Endpoints: var annotations })
            {
                foreach (var endpoint in annotations)
                {
                    var fixedPort = _options.RandomizePorts || replicas > 1 ? null : endpoint.Port;
                    var port = fixedPort ?? LoopbackPorts.GetFree();
                    runtime.Ports[(replica, endpoint.Name)] = port;
                    endpoints.Add($"{endpoint.Scheme}://127.0.0.1:{port}");
                }
            }

            var name = replicas > 1 ? $"{resource.Name}-{replica}" : resource.Name;
            runtime.Instances.Add(new ResourceInstance(name, resource.Name, TypeName(resource), endpoints, _options.LogLinesKept,
                _notifications, _options.EchoLogs ? Echo : null));
        }
        return runtime;
    }

    private Task Supervise(ResourceRuntime runtime, int replica, TaskCompletionSource firstStart)
    {
        var instance = runtime.Instances[replica];
        return runtime.Resource switch
        {
            ILocalServer server => _supervisor.SuperviseAsync(instance, ct => StartServerAsync(server, runtime, instance, ct),
                MarkHealthyAsync(instance), firstStart, _stopping.Token),
            PostgresDatabaseResource database => _supervisor.SuperviseAsync(instance, ct => CreateDatabaseAsync(database, runtime, ct),
                MarkHealthyAsync(instance), firstStart, _stopping.Token),
            ExecutableResource executable => _supervisor.SuperviseAsync(instance,
                ct => StartExecutableAsync(executable, runtime, replica, ct),
                (running, ct) => WatchHealthAsync(executable, runtime, replica, ct), firstStart, _stopping.Token),
            _ => Task.CompletedTask,
        };
    }

    private async Task<IRunningProcess> StartServerAsync(ILocalServer server, ResourceRuntime runtime, ResourceInstance instance, CancellationToken ct)
    {
        var options = new ServerOptions
        {
            DataDirectory = Path.Combine(_options.StateDirectory, server.Name),
            Port = runtime.Ports.GetValueOrDefault((0, PrimaryEndpoint(server))),
            Log = instance.Log,
            SearchPath = _options.ServerSearchPath,
        };
        var started = await server.StartAsync(new LocalServerContext(options, _parameters!.Get, key => _configuration[key]), ct);
        if (started.Process is { } process)
        {
            runtime.Ports[(0, PrimaryEndpoint(server))] = process.Port;
            instance.Update(s => s with { Endpoints = [$"tcp://127.0.0.1:{process.Port}"] });
        }
        runtime.ConnectionString.TrySetResult(started.ConnectionString);
        return new RunningServer(started.Process);
    }

    private async Task<IRunningProcess> CreateDatabaseAsync(PostgresDatabaseResource database, ResourceRuntime runtime, CancellationToken ct)
    {
        var instance = runtime.Instances[0];
        instance.Update(s => s with { State = ResourceState.Waiting });
        await _notifications.WaitForResourceHealthyAsync(database.Parent.Name, ct);
        var server = await _runtimes[database.Parent].ConnectionString.Task.WaitAsync(ct);

        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database.DatabaseName } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"") + "\"";
                await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
                await create.ExecuteNonQueryAsync(ct);
                instance.Log($"created database {database.DatabaseName}");
            }
        }

        runtime.ConnectionString.TrySetResult($"{server};Database={database.DatabaseName}");
        return new RunningServer(null);
    }

    private async Task<IRunningProcess> StartExecutableAsync(ExecutableResource executable, ResourceRuntime runtime, int replica, CancellationToken ct)
    {
        var instance = runtime.Instances[replica];
        if (executable.WaitsFor.Count > 0)
        {
            instance.Update(s => s with { State = ResourceState.Waiting });
            foreach (var dependency in executable.WaitsFor)
            {
                await _notifications.WaitForResourceHealthyAsync(dependency.Name, ct);
            }
        }

        var instanceId = $"{instance.Name}-{Guid.NewGuid():N}"[..Math.Min(instance.Name.Length + 9, 64)];
        var environment = await ExecutableEnvironment.BuildAsync(executable, replica, instanceId, r => _runtimes[r], ct);
        instance.Update(s => s with { State = ResourceState.Starting });

        // The child inherits this process's environment, so VISION_MODELS_DIR and the like pass through.
        var startInfo = new ProcessStartInfo(executable.Command) { WorkingDirectory = executable.WorkingDirectory };
        if (executable is ProjectResource project)
        {
            startInfo.ArgumentList.Add(ProjectOutput.Locate(project.Project));
        }
        foreach (var argument in executable.Args)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var child = ChildProcess.Start(startInfo, instance.Log, _options.LogLinesKept);
        return new RunningChild(child, ProjectStopGrace);
    }

    private async Task WatchHealthAsync(ExecutableResource executable, ResourceRuntime runtime, int replica, CancellationToken ct)
    {
        var instance = runtime.Instances[replica];
        if (executable.HealthCheckPath is null || !runtime.Ports.TryGetValue((replica, "http"), out var port))
        {
            instance.Update(s => s with { Health = HealthStatus.Healthy });
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://127.0.0.1:{port}{executable.HealthCheckPath}";
        while (!ct.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                using var response = await http.GetAsync(url, ct);
                healthy = response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                healthy = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var known = instance.Snapshot.Health;
            var health = healthy ? HealthStatus.Healthy : known == HealthStatus.Unknown ? HealthStatus.Unknown : HealthStatus.Unhealthy;
            if (health != known)
            {
                instance.Update(s => s with
                {
                    Health = health,
                    State = health == HealthStatus.Unhealthy ? ResourceState.RuntimeUnhealthy : ResourceState.Running,
                });
            }
            await Task.Delay(health == HealthStatus.Healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(250), ct)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static Func<IRunningProcess, CancellationToken, Task> MarkHealthyAsync(ResourceInstance instance) => (_, _) =>
    {
        instance.Update(s => s with { Health = HealthStatus.Healthy });
        return Task.CompletedTask;
    };

    private static async Task StopInstanceAsync(ResourceInstance instance)
    {
        if (instance.Current is { } running)
        {
            instance.Update(s => s with { State = ResourceState.Stopping });
            await running.StopAsync();
            instance.Current = null;
        }
        var final = instance.Snapshot.State is ResourceState.FailedToStart ? ResourceState.FailedToStart : ResourceState.Finished;
        instance.Update(s => s with { State = final, Health = HealthStatus.Unknown, ProcessId = null });
    }

    /// <summary>Resources ordered so that each comes after everything it references or waits for.</summary>
    private IEnumerable<IResource> StartOrder()
    {
        var ordered = new List<IResource>();
        var visiting = new HashSet<IResource>();
        void Visit(IResource resource)
        {
            if (ordered.Contains(resource) || !visiting.Add(resource))
            {
                return;
            }
            foreach (var dependency in new ResourceRuntime(resource).Dependencies)
            {
                Visit(dependency);
            }
            ordered.Add(resource);
        }

        foreach (var resource in _model.Resources)
        {
            Visit(resource);
        }
        return ordered;
    }

    private static string PrimaryEndpoint(ILocalServer server) => ((ContainerResource)server).PrimaryEndpoint.Name;

    private static string TypeName(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        PostgresDatabaseResource => "Database",
        _ => "Server",
    };

    private static void Echo(string instance, string line)
    {
        lock (ConsoleGate)
        {
            Console.Out.WriteLine($"[{instance}] {line}");
        }
    }
}
