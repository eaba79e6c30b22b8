using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Servers;

/// <summary>
/// A server running as a child process on a loopback port, stopped by <see cref="DisposeAsync"/>: first its own
/// shutdown signal, then, after <see cref="StopTimeout"/>, SIGKILL for the whole process tree. Thread-safe.
/// </summary>
public abstract class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private int _disposed;

    private protected ServerProcess(ChildProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public int ProcessId => _process.Id;

    /// <summary>The connection string in the shape Aspire hands to services for this kind of server.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Completes with the exit code when the server process ends.</summary>
    public Task<int> Exited => _process.Exited;

    public IReadOnlyList<string> RecentLines => _process.RecentLines;

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public virtual async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _process.StopAsync(_process.StopSignal, StopTimeout).ConfigureAwait(false);
            await _process.DisposeAsync().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it answers true. Throws <see cref="ServerStartException"/> when the process
    /// exits first or the timeout passes, after stopping the process.
    /// </summary>
    private protected static async Task WaitUntilReadyAsync(
        string server, ChildProcess process, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw ServerStartException.From(server, $"exited with code {await process.Exited}", process.RecentLines);
                }

                if (await ProbeOnceAsync(probe, deadline.Token))
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await process.StopAsync(UnixNative.SIGKILL, TimeSpan.Zero);
            throw ServerStartException.From(server, $"was not ready within {timeout.TotalSeconds:0} s", process.RecentLines);
        }
        catch
        {
            await process.StopAsync(UnixNative.SIGKILL, TimeSpan.Zero);
            throw;
        }
    }

    private static async Task<bool> ProbeOnceAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await probe(attempt.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or HttpRequestException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    private protected static void PrepareDirectory(ServerOptions options)
    {
        if (options.Fresh && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(options.DataDirectory);
    }
}
