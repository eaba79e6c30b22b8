using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Messaging;

namespace VisionAspire.Api.DeadLetters;

/// <summary>
/// Operator endpoints over the dead letters <see cref="DeadLetterRecorder"/> keeps: list them, publish one again to
/// the queue it died in, or discard it. They are for administrators: the group is returned so that one call can
/// protect all of them.
/// </summary>
public static class DeadLettersApi
{
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters (operators)");

        admin.MapGet("/", ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Dead-lettered messages, newest failure first: queue, image, reason, attempts, first and last failure.")
            .Produces<DeadLetterPageResponse>()
            .ProducesValidationProblem();

        admin.MapPost("/{id:guid}/retry", RetryAsync)
            .WithName("RetryDeadLetter")
            .WithSummary("Publishes a pending dead letter again to the queue it died in (its failed image is reopened).")
            .Produces<DeadLetterRecord>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        admin.MapPost("/{id:guid}/discard", DiscardAsync)
            .WithName("DiscardDeadLetter")
            .WithSummary("Marks a pending dead letter discarded; it stays listed.")
            .Produces<DeadLetterRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return admin;
    }

    private static async Task<IResult> ListAsync(
        DeadLetterRepository deadLetters, CancellationToken ct, int page = 1, int limit = 50, string? status = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        if (status is not null && !DeadLetterStatus.All.Contains(status))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", DeadLetterStatus.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (items, total) = await deadLetters.ListAsync(page, limit, status, ct);
        return TypedResults.Ok(new DeadLetterPageResponse(page, limit, total, items));
    }

    private static async Task<IResult> RetryAsync(
        Guid id, DeadLetterRepository deadLetters, ImageRepository images, MessagePublisher publisher, ILogger<DeadLetterRecorder> logger,
        CancellationToken ct)
    {
        var existing = await deadLetters.GetAsync(id, ct);
        if (existing is null)
        {
            return ApiProblems.NotFound("dead letter", id);
        }

        if (!Queues.Work.Contains(existing.Queue))
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "Cannot retry",
                $"Dead letter '{id}' came from '{existing.Queue}', which is not a work queue of this version.");
        }

        if (await deadLetters.TakeForRetryAsync(id, ct) is not { } taken)
        {
            return NotPending(id, (await deadLetters.GetAsync(id, ct))?.Status ?? existing.Status);
        }

        if (taken.Record.ImageId is { } imageId && taken.Record.Queue != Queues.Process)
        {
            // The message's consumer skips failed images: reopen it where that queue takes it up.
            await images.ReopenFailedAsync(imageId, taken.Record.Queue == Queues.Preprocess ? ImageStatus.Uploaded : ImageStatus.Queued, ct);
        }

        try
        {
            await publisher.RepublishAsync(taken.Record.Queue, taken.Body, taken.Record.MessageType, taken.ContentType, taken.Record.MessageId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Retrying dead letter {Id} failed: the broker did not take it", id);
            await deadLetters.ReturnToPendingAsync(id, CancellationToken.None);
            return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "Broker unavailable",
                "The message could not be published; the dead letter is still pending, try again later.");
        }

        return TypedResults.Accepted((string?)null, taken.Record);
    }

    private static async Task<IResult> DiscardAsync(Guid id, DeadLetterRepository deadLetters, CancellationToken ct)
    {
        if (await deadLetters.DiscardAsync(id, ct) is { } discarded)
        {
            return TypedResults.Ok(discarded);
        }

        return await deadLetters.GetAsync(id, ct) is { } existing
            ? NotPending(id, existing.Status)
            : ApiProblems.NotFound("dead letter", id);
    }

    private static IResult NotPending(Guid id, string status) =>
        ApiProblems.Of(StatusCodes.Status409Conflict, "Dead letter already settled", $"Dead letter '{id}' is {status}, not pending.");
}
