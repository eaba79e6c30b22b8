namespace VisionAspire.Hosting.Orchestration;

/// <summary>
/// Keeps one instance running: starts it, marks it healthy, and restarts it after a crash with exponential
/// back-off (the delay doubles per crash up to a ceiling, and starts over after a minute of good running).
/// </summary>
internal sealed class Supervisor(DistributedApplicationOptions options)
{
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    /// <param name="start">Starts the process; throws when it cannot.</param>
    /// <param name="watchHealth">Runs while the process runs, publishing its health.</param>
    /// <param name="firstStart">Completes when the first start succeeded, faults when it failed.</param>
    public async Task SuperviseAsync(
        ResourceInstance instance,
        Func<CancellationToken, Task<IRunningProcess>> start,
        Func<IRunningProcess, CancellationToken, Task> watchHealth,
        TaskCompletionSource firstStart,
        CancellationToken stopping)
    {
        var delay = options.RestartDelay;
        while (!stopping.IsCancellationRequested)
        {
            instance.Update(s => s with { State = ResourceState.Starting, Health = HealthStatus.Unknown, ExitCode = null });
            IRunningProcess running;
            try
            {
                running = await start(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                firstStart.TrySetCanceled(stopping);
                return;
            }
            catch (Exception e)
            {
                instance.Log(e.Message);
                instance.Update(s => s with { State = ResourceState.FailedToStart, Error = e.Message.Split('\n')[0] });
                if (firstStart.TrySetException(e) || !await DelayAsync(delay, stopping))
                {
                    return;
                }
                delay = Next(delay);
                continue;
            }

            instance.Current = running;
            firstStart.TrySetResult();
            instance.Update(s => s with { State = ResourceState.Running, ProcessId = running.ProcessId, Error = null });
            var startedAt = DateTimeOffset.UtcNow;

            using var health = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var watching = watchHealth(running, health.Token);
            int exitCode;
            try
            {
                exitCode = await running.Exited.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return; // the orchestrator stops the process in dependency order
            }
            finally
            {
                await health.CancelAsync();
                await watching.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            instance.Current = null;
            instance.Log($"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s");
            instance.Update(s => s with
            {
                State = ResourceState.Exited, Health = HealthStatus.Unknown, ExitCode = exitCode, ProcessId = null,
                Restarts = s.Restarts + 1,
            });

            if (DateTimeOffset.UtcNow - startedAt > StableRun)
            {
                delay = options.RestartDelay;
            }
            if (!await DelayAsync(delay, stopping))
            {
                return;
            }
            delay = Next(delay);
        }
    }

    private TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRestartDelay.Ticks));

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
