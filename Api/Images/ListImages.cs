using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Contracts;
using VisionAspire.Data;

namespace VisionAspire.Api.Images;

/// <summary>GET /api/v1/images?page&amp;limit&amp;kind&amp;status: the caller's images (an admin's: everyone's).</summary>
public static class ListImages
{
    public const int MaxLimit = 100;

    public static async Task<IResult> HandleAsync(
        ImageRepository images, ClaimsPrincipal caller, CancellationToken ct, int page = 1, int limit = 20, string? kind = null, string? status = null)
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

        if (kind is not null && !ImageKinds.All.Contains(kind))
        {
            errors["kind"] = [$"kind must be one of: {string.Join(", ", ImageKinds.All)}."];
        }

        if (status is not null && !ImageStatus.All.Contains(status))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", ImageStatus.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (items, total) = await images.ListAsync(page, limit, kind, status, caller.OwnerScope(), ct);
        var summaries = items
            .Select(i => new ImageSummaryResponse(i.Id, i.Status, i.Kind, i.Width, i.Height, i.FileName, i.CreatedAt, i.UpdatedAt, ImageLinksFactory.For(i.Id, i.JobId)))
            .ToList();
        return TypedResults.Ok(new ImagePageResponse(page, limit, total, summaries));
    }
}
