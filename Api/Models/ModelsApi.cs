using Microsoft.Extensions.Options;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Data;
using VisionAspire.Models.Registry;
using VisionAspire.Shared.ModelRegistry;

namespace VisionAspire.Api.Models;

/// <summary>
/// The model registry: every model with its versions and the active one (anyone with a key), activation of a version
/// (admins; rollback is activating an older one) and uploads of custom classifiers (admins).
/// </summary>
public static class ModelsApi
{
    public static IHostApplicationBuilder AddModelsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ModelUploadOptions>(builder.Configuration.GetSection(ModelUploadOptions.Section));
        builder.Services.AddSingleton<ModelUploader>();
        return builder;
    }

    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/models").WithTags("Models");

        api.MapGet("/", ListAsync)
            .WithName("ListModels")
            .WithSummary("Every registered model: task, versions, the active version (with its sha256 and source).")
            .Produces<ModelListResponse>();

        api.MapPost("/", UploadAsync)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .DisableAntiforgery()
            .WithName("UploadModel")
            .WithSummary("Registers a custom image classifier (admins).")
            .WithDescription("Multipart: id, version (optional; default sha-<first 12 hex of the file's sha256>), file (ONNX), labels " +
                "(one label per line, line k = class k) and spec (JSON: width, height, layout NCHW|NHWC, colour RGB|BGR, mean[3], std[3], " +
                "scale, softmax; tensor = (pixel * scale - mean) / std per tensor channel). The model is loaded and run on a test image: " +
                "a bad graph, an input that is not rank 4 or disagrees with the spec, or a label count that differs from the output size " +
                "is a 422 naming the problem. A new model's first version is active; a further version is activated explicitly.")
            .Produces<RegisteredModelResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{id}/versions/{version}/activate", ActivateAsync)
            .RequireAuthorization(AuthenticationSetup.AdminPolicy)
            .WithName("ActivateModelVersion")
            .WithSummary("Makes a version the one the model serves (admins); activating an older version rolls back.")
            .WithDescription("Every Api and worker replica switches without a restart: the new version is loaded, swapped in, " +
                "and the old one disposed once the runs using it finish. Predictions record the version that made them.")
            .Produces<RegisteredModelResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> ListAsync(ModelRegistryRepository registry, CancellationToken ct) =>
        TypedResults.Ok(new ModelListResponse(ModelViews.Of(await registry.ListAsync(ct))));

    private static async Task<IResult> ActivateAsync(
        string id, string version, ModelRegistryRepository registry, IEnumerable<ILiveModels> models, ModelActivationNotifier notifier,
        ILogger<ModelUploader> logger, CancellationToken ct)
    {
        if (!await registry.ActivateAsync(id, version, ct))
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Not found", $"Model '{id}' has no version '{version}' (GET /api/v1/models lists them).");
        }

        await notifier.PublishAsync(id);
        try
        {
            // This replica's own sync endpoints serve the new version from the response on; others follow the notification.
            foreach (var live in models)
            {
                await live.RefreshAsync(id, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Model {ModelId}: version {Version} is active but failed to load on this replica", id, version);
        }
        return TypedResults.Ok(ModelViews.Of(await registry.VersionsAsync(id, ct)).Single());
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, ModelUploader uploader, ModelRegistryRepository registry, IOptions<ModelUploadOptions> options, CancellationToken ct)
    {
        var maxBytes = options.Value.MaxBytes;
        if (!request.HasFormContentType)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Multipart form expected",
                "Send the model as multipart/form-data: id, version, file, labels, spec.");
        }
        if (request.ContentLength > maxBytes)
        {
            return ApiProblems.PayloadTooLarge(maxBytes);
        }

        try
        {
            var form = await ModelUploadForm.ReadAsync(await request.ReadFormAsync(ct), ct);
            if (form.Onnx.LongLength + form.Labels.LongLength > maxBytes)
            {
                return ApiProblems.PayloadTooLarge(maxBytes);
            }

            var (outcome, version) = await uploader.RegisterAsync(form, ct);
            return outcome switch
            {
                ModelRegistration.VersionExists => ApiProblems.Of(StatusCodes.Status409Conflict, "Version exists",
                    $"Model '{form.ModelId}' already has version '{version}'; a version names one file for good, upload under another version."),
                ModelRegistration.TaskMismatch => ApiProblems.Of(StatusCodes.Status409Conflict, "Not a classifier",
                    $"Model '{form.ModelId}' exists with another task; only image classifiers can be uploaded."),
                _ => TypedResults.Created($"/api/v1/models/{form.ModelId}", ModelViews.Of(await registry.VersionsAsync(form.ModelId, ct)).Single()),
            };
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.PayloadTooLarge(maxBytes);
        }
        catch (InvalidDataException ex)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message);
        }
        catch (ModelFormException ex)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Invalid model upload", ex.Message);
        }
        catch (ModelValidationException ex)
        {
            return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "Model rejected", ex.Message);
        }
    }
}
