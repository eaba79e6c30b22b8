using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Runs <see cref="DatabaseMigrator"/> during host start-up, before later hosted services (consumers) start.
/// Retries while Postgres is not reachable yet; a checksum mismatch stops start-up at once.
/// </summary>
public sealed class DatabaseMigrationService(NpgsqlDataSource db, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseMigrator.MigrateAsync(db, logger, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < 30)
            {
                logger.LogWarning("Postgres not reachable for migrations (attempt {Attempt}): {Reason}", attempt, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
