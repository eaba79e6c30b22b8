using System.Text.Json;
using Npgsql;

namespace VisionAspire.Api.Events;

/// <summary>
/// Holds one connection that LISTENs on image_status (raised by the trigger of migration 0007) and hands each
/// notification to the <see cref="ImageStatusHub"/>. One connection serves every SSE client of this replica.
/// After a lost connection it reconnects with back-off and asks subscribers to resync, since NOTIFY is not queued
/// for a listener that is gone.
/// </summary>
public sealed class ImageStatusListener(NpgsqlDataSource db, ImageStatusHub hub, ILogger<ImageStatusListener> logger) : BackgroundService
{
    public const string Channel = "image_status";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                logger.LogInformation("Listening for image status notifications");
                backoff = TimeSpan.FromMilliseconds(200);
                hub.RequestResync();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Image status listener lost its connection; reconnecting in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        try
        {
            var status = JsonSerializer.Deserialize<ImageStatusEvent>(args.Payload, Json);
            if (status is not null)
            {
                hub.Publish(status);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignoring a malformed image status notification");
        }
    }
}
