using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VisionAspire.AppHost.Extensions;

/// <summary>
/// Starts a service or server again when it exits without being asked to (a crash, a kill): Aspire leaves such a
/// resource Exited. The delay doubles per crash from 1 s up to 30 s and starts over after a minute of good running.
/// A resource seen Stopping first (a stop from the dashboard, or the AppHost shutting down) is left alone.
/// </summary>
internal sealed class CrashedResourceRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<CrashedResourceRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Instance> _instances = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not (ProjectResource or ExecutableResource) || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                continue;
            }

            var instance = _instances.TryGetValue(update.ResourceId, out var known) ? known : _instances[update.ResourceId] = new Instance();
            var state = update.Snapshot.State?.Text;
            if (state == KnownResourceStates.Stopping)
            {
                instance.StopRequested = true;
            }
            else if (state == KnownResourceStates.Running && instance.RunningSince is null)
            {
                instance.RunningSince = DateTime.UtcNow;
                instance.StopRequested = false;
            }
            else if (state == KnownResourceStates.Exited && instance.RunningSince is { } since)
            {
                instance.RunningSince = null;
                if (instance.StopRequested)
                {
                    continue;
                }

                var delay = DateTime.UtcNow - since > StableRun ? FirstDelay : Next(instance.Delay);
                instance.Delay = delay;
                _ = RestartAsync(update.Resource, update.ResourceId, update.Snapshot.ExitCode, delay, stoppingToken);
            }
        }
    }

    private async Task RestartAsync(IResource resource, string resourceId, int? exitCode, TimeSpan delay, CancellationToken stoppingToken)
    {
        var message = $"{resourceId} exited unexpectedly (exit code {exitCode?.ToString() ?? "unknown"}); starting it again in {delay.TotalSeconds:0} s";
        logger.LogWarning("{Message}", message);
        resourceLogs.GetLogger(resourceId).LogWarning("{Message}", message);
        try
        {
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Restarting {Resource} failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Restarting {Resource} ({Name}) failed", resourceId, resource.Name);
        }
    }

    private static TimeSpan Next(TimeSpan? delay) =>
        delay is { } d ? TimeSpan.FromTicks(Math.Min(d.Ticks * 2, LongestDelay.Ticks)) : FirstDelay;

    private sealed class Instance
    {
        public DateTime? RunningSince { get; set; }

        public bool StopRequested { get; set; }

        public TimeSpan? Delay { get; set; }
    }
}
