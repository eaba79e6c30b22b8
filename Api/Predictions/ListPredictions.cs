using System.Globalization;
using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Predictions;

/// <summary>
/// GET /api/v1/predictions?page&amp;limit&amp;task&amp;from&amp;to[&amp;userId]: the caller's stored predictions, newest first
/// (created at or after <c>from</c>, before <c>to</c>); an admin may name another user with <c>userId</c>.
/// </summary>
public static class ListPredictions
{
    public static async Task<IResult> HandleAsync(
        ClaimsPrincipal caller,
        PredictionHistoryRepository history,
        CancellationToken ct,
        int page = 1,
        int limit = 20,
        string? task = null,
        string? from = null,
        string? to = null,
        Guid? userId = null)
    {
        if (userId is { } other && other != caller.UserId() && !caller.IsAdmin())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only an admin may read another user's predictions; leave userId out for your own.");
        }

        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (limit is < 1 or > PredictionHistoryRepository.MaxPageSize)
        {
            errors["limit"] = [$"limit must be between 1 and {PredictionHistoryRepository.MaxPageSize}."];
        }

        if (task is not null && !PredictionTasks.All.Contains(task))
        {
            errors["task"] = [$"task must be one of: {string.Join(", ", PredictionTasks.All)}."];
        }

        var since = ParseInstant(from, "from", errors);
        var until = ParseInstant(to, "to", errors);
        if (since is not null && until is not null && since >= until)
        {
            errors["to"] = ["to must be later than from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new PredictionHistoryQuery(userId ?? caller.UserId(), page, limit, task, since, until);
        var (items, total) = await history.ListAsync(query, ct);
        return TypedResults.Ok(new PredictionPageResponse(items.Select(ToResponse).ToList(), total, page, limit));
    }

    public static PredictionItemResponse ToResponse(PredictionEntry p) =>
        new(p.Id, p.ImageId, p.Task, p.Label, p.Confidence, p.Model, p.ModelVersion, p.PredictionTimeMs, p.CreatedAt);

    /// <summary>An ISO 8601 instant or date (a date without an offset is UTC midnight); null when absent.</summary>
    private static DateTimeOffset? ParseInstant(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors[name] = [$"{name} must be an ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:30:00Z; got '{text}'."];
        return null;
    }
}
