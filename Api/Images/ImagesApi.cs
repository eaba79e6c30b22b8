using VisionAspire.Api.Problems;

namespace VisionAspire.Api.Images;

public static class ImagesApi
{
    public static RouteGroupBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/images").WithTags("Images");

        api.MapPost("/", UploadImages.HandleAsync)
            .WithName("UploadImages")
            .WithSummary("Upload one or many images (multipart, `file` parts); processing is asynchronous.")
            .DisableAntiforgery()
            .Produces<UploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", ListImages.HandleAsync)
            .WithName("ListImages")
            .WithSummary("Page through images, optionally filtered by kind and status.")
            .ProducesValidationProblem();

        api.MapGet("/{id:guid}", GetImageAsync)
            .WithName("GetImage")
            .WithSummary("Status, kind, dimensions and predictions of one image.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/content", ImageContent.HandleAsync)
            .WithName("GetImageContent")
            .WithSummary("The original bytes, with the content type sniffed at upload.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> GetImageAsync(Guid id, ImageQueries queries, CancellationToken ct)
    {
        var image = await queries.GetAsync(id, ct);
        return image is null ? ApiProblems.NotFound("image", id) : TypedResults.Ok(image);
    }
}
