using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Storage;

namespace VisionAspire.Api.Images;

/// <summary>GET /api/v1/images/{id}/processed/{task}: the image a task produced (e.g. blur), from the object store.</summary>
public static class ProcessedImageContent
{
    public static async Task<IResult> HandleAsync(
        Guid id, string task, ClaimsPrincipal caller, ImageRepository images, ProcessedOutputRepository outputs, IObjectStore store,
        CancellationToken ct)
    {
        var image = await images.GetAsync(id, caller.OwnerScope(), ct);
        if (image is null)
        {
            return ApiProblems.NotFound("image", id);
        }

        var output = (await outputs.GetForImageAsync(id, ct)).FirstOrDefault(o => string.Equals(o.Task, task, StringComparison.OrdinalIgnoreCase));
        if (output is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "No processed output",
                $"Image '{id}' has no processed output of task '{task}' (yet: status {image.Status}); tasks that produce one: {ImageTasks.Blur}.");
        }

        var stored = await store.GetAsync(output.StorageKey, ct);
        if (stored is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Content missing",
                $"The {output.Task} output of image '{id}' is not in the object store.");
        }

        return TypedResults.File(stored.Data, output.ContentType, lastModified: image.UpdatedAt);
    }
}
