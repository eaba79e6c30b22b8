using Microsoft.Extensions.Options;
using OpenTelemetry;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>
/// Publishes ImageUploadedV1 again for rows still "uploaded" after a grace period: the Api stored them but
/// crashed or lost the broker before the event was confirmed. The Preprocessor tolerates duplicates
/// (it skips images already past "uploaded"), so a second publish is harmless.
/// </summary>
public sealed class UploadedImageSweeper(
    IServiceScopeFactory scopes,
    IOptions<UploadOptions> options,
    ILogger<UploadedImageSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.RepublishAfterSeconds);
        using var timer = new PeriodicTimer(grace / 2);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(grace, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping stale uploads failed; retrying on the next tick");
            }
        }
    }

    private async Task SweepAsync(TimeSpan grace, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var images = scope.ServiceProvider.GetRequiredService<ImageRepository>();
        var publisher = scope.ServiceProvider.GetRequiredService<PublisherPool>();

        IReadOnlyList<ImageRecord> stale;
        // The check runs every few seconds and nearly always finds nothing; traced, it would bury the images'
        // traces in the dashboard. A re-publish it triggers is traced as usual.
        using (SuppressInstrumentationScope.Begin())
        {
            (stale, _) = await images.ListAsync(1, BatchSize, kind: null, status: ImageStatus.Uploaded, OwnerScope.Everyone, ct);
        }

        var cutoff = DateTimeOffset.UtcNow - grace;
        foreach (var image in stale.Where(i => i.UpdatedAt < cutoff && i.JobId is not null))
        {
            await publisher.PublishAsync(Queues.Preprocess, ImageUploader.UploadedEvent(image, image.JobId!.Value), ct);
            logger.LogInformation("Re-published upload of {ImageId}", image.Id);
        }
    }
}
