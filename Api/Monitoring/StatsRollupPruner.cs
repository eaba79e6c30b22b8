using VisionAspire.Data;

namespace VisionAspire.Api.Monitoring;

/// <summary>
/// Deletes statistics rollups older than <see cref="Retention"/> once an hour (/stats reads the last hour; a day is kept
/// for looking back with SQL). Every Api replica runs it; the deletes are idempotent.
/// </summary>
public sealed class StatsRollupPruner(StatsRepository stats, ILogger<StatsRollupPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await stats.PruneAsync(Retention, stoppingToken);
                logger.LogDebug("Pruned {Rows} statistics rollup rows", deleted);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning the statistics rollups failed; trying again in an hour");
            }
        }
    }
}
