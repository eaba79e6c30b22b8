using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>Something the orchestrator started and must stop: a project's process or a local server.</summary>
internal interface IRunningProcess
{
    int? ProcessId { get; }

    /// <summary>Completes with the exit code; never completes for a resource with no process.</summary>
    Task<int> Exited { get; }

    /// <summary>Stops cleanly, then kills the process tree after a grace period.</summary>
    Task StopAsync();

    /// <summary>SIGKILL for the process tree, as a crash would.</summary>
    void Kill();
}

internal sealed class RunningChild(ChildProcess process, TimeSpan grace) : IRunningProcess
{
    public int? ProcessId => process.Id;

    public Task<int> Exited => process.Exited;

    public async Task StopAsync()
    {
        await process.StopAsync(process.StopSignal, grace);
        await process.DisposeAsync();
    }

    public void Kill() => process.Kill();
}

internal sealed class RunningServer(ServerProcess? server) : IRunningProcess
{
    private readonly TaskCompletionSource<int> _never = new();

    public int? ProcessId => server?.ProcessId;

    public Task<int> Exited => server?.Exited ?? _never.Task;

    public async Task StopAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public void Kill()
    {
        if (server is not null)
        {
            ProcessTree.KillSurvivors(ProcessTree.Snapshot(server.ProcessId));
        }
    }
}
