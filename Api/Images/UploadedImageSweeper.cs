using Microsoft.Extensions.Options;
using OpenTelemetry;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>
/// Publishes the upload events the broker did not confirm, so every stored upload reaches the Preprocessor:
/// <list type="bullet">
/// <item>this process's own failures (<see cref="UnpublishedUploads"/>) until the broker takes them: a second after a
/// publish failed, then again after 1, 2, 4... seconds up to the tick (half the grace period) while the broker stays
/// away, so a broker restart is not followed by a wait for the next tick;</item>
/// <item>the "uploaded" rows of the span of upload times <see cref="UnpublishedUploads"/> let go past its capacity;</item>
/// <item>once, the rows a previous Api process left "uploaded" (it may have died between the row and the publish):
/// every row created before this process started, oldest first, after the grace period.</item>
/// </list>
/// A row that is "uploaded" because its message is still waiting in a long queue is not republished: sweeping all stale
/// rows on every tick would add a copy of each waiting image per tick, and every copy of an unfinished image is
/// preprocessed again. A copy is still harmless (the Preprocessor redoes an unfinished image idempotently and skips a
/// finished one); the pass after a restart makes at most one per waiting image, and so does the walk of a let-go span.
/// </summary>
public sealed class UploadedImageSweeper(
    IServiceScopeFactory scopes,
    UnpublishedUploads unpublished,
    IOptions<UploadOptions> options,
    ILogger<UploadedImageSweeper> logger) : BackgroundService
{
    /// <summary>The pause before the first retry after a publish failed; it doubles while retries fail, up to the tick.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private const int BatchSize = 100;

    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private (DateTimeOffset CreatedAt, Guid Id)? _predecessorCursor;
    private bool _predecessorsDone;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.RepublishAfterSeconds);
        var schedule = new SweepSchedule(FirstRetryDelay, grace / 2);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (schedule.Retrying)
            {
                await Task.Delay(schedule.NextDelay, stoppingToken);
            }
            else if (await unpublished.WaitForAddedAsync(schedule.NextDelay, stoppingToken))
            {
                // A publish just failed: the broker may be back in a moment.
                await Task.Delay(FirstRetryDelay, stoppingToken);
            }

            schedule.Record(succeeded: await SweepAsync(grace, stoppingToken));
        }
    }

    /// <summary>One pass; false when a publish or a read failed (the pass is then retried sooner than the tick).</summary>
    private async Task<bool> SweepAsync(TimeSpan grace, CancellationToken ct)
    {
        try
        {
            await PublishUnpublishedAsync(ct);
            await PublishLetGoAsync(ct);
            if (!_predecessorsDone && DateTimeOffset.UtcNow - _startedAt >= grace)
            {
                await SweepPredecessorsAsync(ct);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publishing stored uploads failed; retrying shortly");
            return false;
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

    /// <summary>
    /// The "uploaded" rows created in the span of upload times whose events were let go (the row's creation time is the
    /// event's upload time), page by page; what is left of the span goes back when a publish fails.
    /// </summary>
    private async Task PublishLetGoAsync(CancellationToken ct)
    {
        if (unpublished.TakeOverflow() is not { } span)
        {
            return;
        }

        // Postgres keeps microseconds: widen by a millisecond rather than miss a row at either end.
        var before = span.To.AddMilliseconds(1);
        (DateTimeOffset CreatedAt, Guid Id) cursor = (span.From.AddMilliseconds(-1), Guid.Empty);
        try
        {
            using var scope = scopes.CreateScope();
            var images = scope.ServiceProvider.GetRequiredService<ImageRepository>();
            var publisher = scope.ServiceProvider.GetRequiredService<PublisherPool>();
            IReadOnlyList<ImageRecord> page;
            do
            {
                page = await images.ListUploadedCreatedBeforeAsync(before, cursor, BatchSize, ct);
                foreach (var image in page)
                {
                    if (image.JobId is { } jobId)
                    {
                        await publisher.PublishAsync(Queues.Preprocess, ImageUploader.UploadedEvent(image, jobId), ct);
                    }
                    cursor = (image.CreatedAt, image.Id);
                }
            }
            while (page.Count == BatchSize);
            logger.LogInformation("Published the stored uploads let go between {From} and {To}", span.From, span.To);
        }
        catch
        {
            unpublished.ReturnOverflow(new UploadSpan(cursor.CreatedAt, span.To));
            throw;
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
