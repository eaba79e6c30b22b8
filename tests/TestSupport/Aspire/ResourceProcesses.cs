using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.TestSupport.Aspire;

/// <summary>
/// The latest state of every resource instance (one per replica) of a running topology, and the operating-system
/// processes behind them as DCP reports them.
/// </summary>
public sealed class ResourceProcesses : IDisposable
{
    private const string ProcessIdProperty = "executable.pid";

    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stop = new();

    public ResourceProcesses(DistributedApplication app)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in app.ResourceNotifications.WatchAsync(_stop.Token))
                {
                    _latest[update.ResourceId] = update;
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>The DCP instance names of a resource (one per replica), in a stable order.</summary>
    public IReadOnlyList<string> Instances(string resourceName) =>
        [.. _latest.Values.Where(e => e.Resource.Name == resourceName).Select(e => e.ResourceId).Order(StringComparer.Ordinal)];

    /// <summary>The process id of each running instance of the resource, in instance order.</summary>
    public IReadOnlyList<int> ProcessIds(string resourceName) =>
        [.. Instances(resourceName).Select(ProcessId).OfType<int>()];

    /// <summary>
    /// SIGKILLs one instance's process and its descendants (DCP runs a project through `dotnet run`, so the service is
    /// a child of the process it reports). Returns false when the instance has no running process.
    /// </summary>
    public bool KillInstance(string resourceName, int replica = 0)
    {
        var instances = Instances(resourceName);
        if (replica >= instances.Count || ProcessId(instances[replica]) is not int pid)
        {
            return false;
        }

        foreach (var process in ProcessTree.Snapshot(pid))
        {
            ProcessTree.Kill(process);
        }
        return true;
    }

    /// <summary>Waits until the instance reports <paramref name="state"/> again (e.g. Running after a restart) with another pid than <paramref name="notPid"/>.</summary>
    public async Task WaitForRunningAsync(string instance, int? notPid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ProcessId(instance) is not int pid || pid == notPid)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{instance} was not running again within {timeout}");
            }
            await Task.Delay(100);
        }
    }

    private int? ProcessId(string instance) =>
        _latest.TryGetValue(instance, out var current)
        && current.Snapshot.State?.Text == KnownResourceStates.Running
        && current.Snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value is { } value
        && int.TryParse(value.ToString(), out var pid)
            ? pid
            : null;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
