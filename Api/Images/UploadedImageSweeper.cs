using Microsoft.Extensions.Options;
using OpenTelemetry;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>
/// Publishes the upload events the broker did not confirm, so every stored upload reaches the Preprocessor:
/// <list type="bullet">
/// <item>this process's own failures (<see cref="UnpublishedUploads"/>), on every tick until the broker takes them;</item>
/// <item>once, the rows a previous Api process left "uploaded" (it may have died between the row and the publish):
/// every row created before this process started, oldest first, after the grace period.</item>
/// </list>
/// A row that is "uploaded" because its message is still waiting in a long queue is not republished: sweeping all stale
/// rows on every tick would add a copy of each waiting image per tick, and every copy of an unfinished image is
/// preprocessed again. A copy is still harmless (the Preprocessor redoes an unfinished image idempotently and skips a
/// finished one); the pass after a restart makes at most one per waiting image.
/// </summary>
public sealed class UploadedImageSweeper(
    IServiceScopeFactory scopes,
    UnpublishedUploads unpublished,
    IOptions<UploadOptions> options,
    ILogger<UploadedImageSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private (DateTimeOffset CreatedAt, Guid Id)? _predecessorCursor;
    private bool _predecessorsDone;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.RepublishAfterSeconds);
        using var timer = new PeriodicTimer(grace / 2);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishUnpublishedAsync(stoppingToken);
                if (!_predecessorsDone && DateTimeOffset.UtcNow - _startedAt >= grace)
                {
                    await SweepPredecessorsAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing stored uploads failed; retrying on the next tick");
            }
        }
    }

    private async Task PublishUnpublishedAsync(CancellationToken ct)
    {
        if (unpublished.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<PublisherPool>();
        foreach (var uploaded in unpublished.Snapshot())
        {
            await publisher.PublishAsync(Queues.Preprocess, uploaded, ct);
            unpublished.Remove(uploaded.ImageId);
            logger.LogInformation("Published the stored upload of {ImageId}", uploaded.ImageId);
        }
    }

    /// <summary>One page of the rows a previous process left "uploaded"; the walk ends at the first short page.</summary>
    private async Task SweepPredecessorsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var images = scope.ServiceProvider.GetRequiredService<ImageRepository>();
        var publisher = scope.ServiceProvider.GetRequiredService<PublisherPool>();

        IReadOnlyList<ImageRecord> page;
        // Nearly always empty; traced, it would bury the images' traces in the dashboard. A publish it makes is traced.
        using (SuppressInstrumentationScope.Begin())
        {
            page = await images.ListUploadedCreatedBeforeAsync(_startedAt, _predecessorCursor, BatchSize, ct);
        }

        foreach (var image in page)
        {
            if (image.JobId is { } jobId)
            {
                await publisher.PublishAsync(Queues.Preprocess, ImageUploader.UploadedEvent(image, jobId), ct);
                logger.LogInformation("Re-published the upload of {ImageId} left by a previous process", image.Id);
            }
            _predecessorCursor = (image.CreatedAt, image.Id);
        }

        _predecessorsDone = page.Count < BatchSize;
    }
}
