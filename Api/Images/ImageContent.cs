using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>GET /api/v1/images/{id}/content: the original bytes (Redis first, then the object store).</summary>
public static class ImageContent
{
    public static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal caller, ImageRepository images, OriginalImageSource originals, CancellationToken ct)
    {
        var image = await images.GetAsync(id, caller.OwnerScope(), ct);
        if (image is null)
        {
            return ApiProblems.NotFound("image", id);
        }

        var bytes = await originals.ReadAsync(image.Id, image.StorageKey, ct);
        if (bytes is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Content missing",
                $"The original of image '{id}' is not in the object store.");
        }

        return TypedResults.File(bytes, image.ContentType, lastModified: image.CreatedAt);
    }
}
