using System.Security.Claims;
using Microsoft.OpenApi;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Images;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Problems;
using VisionAspire.Data;

namespace VisionAspire.Api.Predictions;

/// <summary>The caller's prediction history, one stored prediction, and the synchronous POST /predict.</summary>
public static class PredictionsApi
{
    private static readonly PredictResponse Example = new(48213, Guid.Parse("0193a1f2-7c4e-7b55-9a4e-2f6d1c0b9e11"),
        "sports car, sport car", 0.399f, 9.4, "git-0447574");

    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Predictions");

        api.MapGet("/predictions", ListPredictions.HandleAsync)
            .WithName("ListPredictions")
            .WithSummary("The caller's stored predictions, newest first, a page at a time")
            .WithDescription("Every model output stored for the caller's images (uploads and POST /predict), newest first (the rows of one model run in its output order, the top class first): one row per class, face, " +
                "object or text line. task filters by its value (e.g. classification, cifar10, object-detection); from (inclusive) and " +
                "to (exclusive) by creation time, ISO 8601. total counts every match. An admin may pass userId to read another user's " +
                "(anyone else gets 403 for a userId not their own).")
            .Produces<PredictionPageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/predictions/{id:long}", GetAsync)
            .WithName("GetPrediction")
            .WithSummary("One stored prediction of the caller (an admin: anyone's)")
            .Produces<PredictionItemResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/predict", PredictImage.HandleAsync)
            .WithName("Predict")
            .WithSummary("Classify one image synchronously and store it with its prediction")
            .WithDescription("multipart/form-data with one part named 'file'. Runs the classify path of POST /classify (SqueezeNet " +
                "ImageNet-1k, the CIFAR-10 label derived from the top 5) and stores the image like any upload: owned by the caller, " +
                "deduplicated per caller by sha256 (a repeat answers the same imageId), tasks=classify, completed at once, its " +
                "predictions in GET /api/v1/images/{id} and GET /api/v1/predictions. predictedClass and confidenceScore are the top " +
                "ImageNet class; predictionTimeMs is the model run's time.")
            .WithUploadedFile()
            .DisableAntiforgery()
            .WithAiProblems<PredictResponse>()
            .WithJsonExample(Example);

        return app;
    }

    private static async Task<IResult> GetAsync(long id, ClaimsPrincipal caller, PredictionHistoryRepository history, CancellationToken ct) =>
        await history.GetAsync(id, caller.OwnerScope(), ct) is { } entry
            ? TypedResults.Ok(ListPredictions.ToResponse(entry))
            : ApiProblems.Of(StatusCodes.Status404NotFound, "Not found", $"No prediction with id '{id}'.");

    /// <summary>The request body: one required multipart part named 'file'.</summary>
    private static RouteHandlerBuilder WithUploadedFile(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The image as a multipart/form-data part named 'file' (JPEG, PNG, WebP, TIFF, GIF, HEIF, AVIF).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { UploadImages.FilePartName },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [UploadImages.FilePartName] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
