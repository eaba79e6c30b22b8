using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Api.DeadLetters;

/// <summary>
/// Records every dead letter for operators and fails what it was about, with a reason: the image (unless it is
/// already completed or failed) and its job item. A message that came back unacknowledged past the delivery limit
/// killed its consumer every time: its image fails with "crashed the worker N times".
/// </summary>
public sealed class DeadLetterRecorder(
    BrokerConnection broker,
    DeadLetterRepository deadLetters,
    ImageRepository images,
    JobRepository jobs,
    JobProgress jobProgress,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<DeadLetterRecorder> logger)
    : DeadLetterConsumer(broker, logger, time)
{
    protected override async Task HandleAsync(DeadLetter letter, CancellationToken ct)
    {
        var target = DeadLetterTarget.Read(letter.Body.Span);
        var (reason, attempts) = Explain(letter);
        var recorded = await deadLetters.RecordAsync(new NewDeadLetter(
            letter.MessageId, letter.Queue, letter.Type, letter.ContentType, target.ImageId, reason, attempts,
            letter.FirstDeathAt, Time.GetUtcNow(), letter.Body.ToArray()), ct);
        if (recorded)
        {
            Logger.LogError("Message {MessageId} from {Queue} dead-lettered: {Reason}", letter.MessageId, letter.Queue, reason);
        }

        await FailTargetAsync(letter.Queue, target, reason, ct);
    }

    /// <summary>
    /// A quorum queue dead-letters a message when it came back more often than its delivery limit, so it was handed
    /// out (and its consumer died holding it) one time more than the limit; one that died in quarantine had also
    /// come back once from the work queue before it moved there.
    /// </summary>
    private (string Reason, int Attempts) Explain(DeadLetter letter)
    {
        if (letter.Reason == DeadLetter.DeliveryLimitReason)
        {
            var crashes = options.Value.DeliveryLimit + (letter.FromQuarantine ? 2 : 1);
            var consumer = letter.Queue == Queues.Preprocess ? "preprocessor" : "worker";
            return ($"crashed the {consumer} {crashes} times", crashes);
        }

        return letter.LastError is null
            ? ($"gave up on it after attempt {letter.Attempt} ({letter.Reason})", letter.Attempt)
            : ($"gave up on it after attempt {letter.Attempt}: {letter.LastError}", letter.Attempt);
    }

    private async Task FailTargetAsync(string queue, DeadLetterTarget target, string reason, CancellationToken ct)
    {
        if (queue == Queues.Process)
        {
            // A processing request is a job item of its own; the image it reads is not its to fail.
            if (target is { JobId: { } job, ItemIndex: { } index })
            {
                await IgnoreUnknownAsync(() => jobs.CompleteItemAsync(job, index, target.ImageId, null, reason, ct));
            }

            return;
        }

        if (target.ImageId is not { } imageId || await images.GetAsync(imageId, OwnerScope.Everyone, ct) is not { } image
            || image.Status is ImageStatus.Completed or ImageStatus.Failed)
        {
            return;
        }

        // The job item first: a reader who sees the image failed must see the job count it (as the services do).
        if (target.JobId is { } jobId)
        {
            await IgnoreUnknownAsync(() => jobProgress.CompleteAsync(jobId, target.ItemIndex, imageId, null, reason, ct));
        }

        await images.UpdateStatusAsync(imageId, ImageStatus.Failed, reason, ct);
    }

    private async Task IgnoreUnknownAsync(Func<Task> complete)
    {
        try
        {
            await complete();
        }
        catch (KeyNotFoundException ex)
        {
            Logger.LogWarning("The job item of a dead letter is gone: {Reason}", ex.Message);
        }
    }
}
