using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Operations;
using VisionAspire.Storage;

namespace VisionAspire.Api.Operations;

public static class PipelinesApi
{
    public const string CacheHeader = "X-Cache";

    public static void MapPipelinesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/images/{id:guid}/process", ProcessAsync)
            .WithName("ProcessImage")
            .WithSummary("Run an ordered pipeline of operations on a stored image, asynchronously on the workers")
            .WithDescription(
                "Body: an array of {op, params}, at most Vision:Operations:MaxOperationsPerPipeline (default 10). op is resize, crop, filter or " +
                "enhance with the same params as the synchronous endpoints (e.g. {\"op\":\"resize\",\"params\":{\"width\":720}}), or convert " +
                "({format, quality, strip}) as the last step. The derived image is stored under processed/<sha256 of source sha256 + canonical spec>: " +
                "a spec already computed answers 200 with cached=true and X-Cache: hit, without a job. Otherwise 202 with the job " +
                "(Location; progress at GET /api/v1/jobs/{id} or GET /api/v1/batch/{id}) and links.result, which serves the image once done.")
            .Accepts<IReadOnlyList<OperationSpecV1>>("application/json")
            .Produces<ProcessResponse>(StatusCodes.Status202Accepted)
            .Produces<ProcessResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/processed/{hash}", GetProcessedAsync)
            .WithName("GetProcessedImage")
            .WithSummary("A derived image produced by a pipeline or batch (links.result)")
            .WithDescription("Served from the object store with its content type; immutable, so cacheable forever. 404 until the job has finished.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp", "image/tiff", "image/gif", "image/heif", "image/avif"])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IResult> ProcessAsync(
        Guid id, IReadOnlyList<OperationSpecV1>? operations, HttpContext http, ImageRepository images, ProcessingSubmissions submissions) =>
        OperationProblems.GuardAsync(async () =>
        {
            var image = await images.GetAsync(id, http.User.OwnerScope(), http.RequestAborted);
            if (image is null)
            {
                return ApiProblems.NotFound("image", id);
            }

            var response = await submissions.SubmitAsync(image, operations ?? [], http.User.UserId(), http.RequestAborted);
            http.Response.Headers[CacheHeader] = response.Cached ? "hit" : "miss";
            return response.Cached
                ? TypedResults.Ok(response)
                : TypedResults.Accepted(response.Links.Job, response);
        });

    private static async Task<IResult> GetProcessedAsync(string hash, IObjectStore store, CancellationToken ct)
    {
        if (!ProcessedImages.IsHash(hash))
        {
            return OperationProblems.Invalid("hash", "must be 64 lowercase hex digits (from links.result).");
        }

        var stored = await store.GetAsync(ProcessedImages.Key(hash), ct);
        if (stored is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Not found", $"No derived image '{hash}' (yet): check the job's progress.");
        }

        return TypedResults.File(stored.Data, stored.ContentType,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\""));
    }
}
