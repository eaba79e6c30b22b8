using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Problems;
using VisionAspire.Contracts;

namespace VisionAspire.Api.Images;

public static class ImagesApi
{
    public static RouteGroupBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/images").WithTags("Images");

        api.MapPost("/", UploadImages.HandleAsync)
            .WithName("UploadImages")
            .WithSummary("Upload one or many images (multipart, `file` parts); processing is asynchronous.")
            .WithDescription("tasks (query parameter or form field, comma-separated) chooses what the pipeline runs on each new image: " +
                "faces (boxes with landmarks and embeddings), classify (ImageNet top-5 and CIFAR-10), objects (YOLOX-nano COCO boxes), " +
                "ocr (PP-OCRv4 text lines), blur (faces and licence plates blurred, the JPEG stored: links.processed.blur). " +
                "Without it, face images run faces and the others classify and objects. A file whose bytes are already stored is " +
                "a duplicate and keeps the tasks it was first uploaded with. An unknown task is a 400 naming the valid ones.")
            .WithListParameter(UploadTasks.Field, "What to run, comma-separated; default by kind.", ImageTasks.All, "objects,blur")
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
            .WithSummary("Status, kind, dimensions, tasks, predictions (also grouped per task) and processed outputs of one image.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/processed/{task}", ProcessedImageContent.HandleAsync)
            .WithName("GetImageTaskOutput")
            .WithSummary("The image a task produced (blur: the blurred JPEG), once the image is completed.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/content", ImageContent.HandleAsync)
            .WithName("GetImageContent")
            .WithSummary("The original bytes, with the content type sniffed at upload.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> GetImageAsync(Guid id, ClaimsPrincipal caller, ImageQueries queries, CancellationToken ct)
    {
        var image = await queries.GetAsync(id, caller.OwnerScope(), ct);
        return image is null ? ApiProblems.NotFound("image", id) : TypedResults.Ok(image);
    }
}
