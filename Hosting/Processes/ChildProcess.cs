using System.Collections.Concurrent;
using System.Diagnostics;

namespace VisionAspire.Hosting.Processes;

/// <summary>
/// A child process whose stdout and stderr are read line by line, with the last lines kept, and which is
/// stopped with a signal first and then, after a grace period, killed together with every descendant.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Linux offers PR_SET_PDEATHSIG to kill a child when its parent dies, but .NET forks for us and cannot call it in
/// the child. Instead every live ChildProcess is registered here, and on process exit and on an unhandled exception
/// all of them are stopped (their stop signal, a short grace, then SIGKILL for their trees). Only SIGKILL of this
/// process (or Environment.FailFast) can still leave children behind.
/// </remarks>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ChildProcess, byte> Live = new();

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllLive();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => StopAllLive();
    }

    private readonly Process _process;
    private readonly LogTail _tail;
    private readonly Action<string>? _onLine;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, int keepLines, Action<string>? onLine, int stopSignal)
    {
        _process = process;
        StopSignal = stopSignal;
        _tail = new LogTail(keepLines);
        _onLine = onLine;
    }

    public int Id { get; private set; }

    /// <summary>The signal that asks this process to shut down cleanly.</summary>
    public int StopSignal { get; }

    /// <summary>Completes with the exit code once the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public IReadOnlyList<string> RecentLines => _tail.Lines;

    /// <summary>Starts the process; stdout and stderr are redirected (stdin too, and closed).</summary>
    public static ChildProcess Start(
        ProcessStartInfo startInfo, Action<string>? onLine = null, int keepLines = 200, int stopSignal = UnixNative.SIGTERM)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, Math.Max(1, keepLines), onLine, stopSignal);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            Live.TryRemove(child, out _);
            child._exited.TrySetResult(SafeExitCode(process));
        };

        process.Start();
        child.Id = process.Id;
        Live.TryAdd(child, 0);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Sends <paramref name="signal"/> and waits up to <paramref name="grace"/>; then SIGKILLs whatever is left
    /// of the process tree as it was just before the signal (so grandchildren do not outlive it either).
    /// </summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        var tree = ProcessTree.Snapshot(Id);
        if (!HasExited)
        {
            UnixNative.SendSignal(Id, signal);
            await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false);
        }

        ProcessTree.KillSurvivors(tree);
        await ProcessTree.WaitForExitAsync(tree, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }

    /// <summary>SIGKILLs the process and its descendants at once.</summary>
    public void Kill() => ProcessTree.KillSurvivors(ProcessTree.Snapshot(Id));

    public async ValueTask DisposeAsync()
    {
        await StopAsync(UnixNative.SIGTERM, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Stops every child still running: each gets its stop signal, all share a 5 s grace, then SIGKILL.</summary>
    public static void StopAllLive()
    {
        var children = Live.Keys.ToList();
        var trees = children.SelectMany(c => ProcessTree.Snapshot(c.Id)).ToList();
        foreach (var child in children)
        {
            UnixNative.SendSignal(child.Id, child.StopSignal);
        }
        Task.WhenAll(children.Select(c => c.Exited)).Wait(TimeSpan.FromSeconds(5));
        ProcessTree.KillSurvivors(trees);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Add(line);
        _onLine?.Invoke(line);
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
