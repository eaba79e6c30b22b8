using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>The image operation endpoints (synchronous operations, image-info, pipelines, batches) and their services.</summary>
public static class ImageOperationsApi
{
    public static IHostApplicationBuilder AddImageOperations(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(OperationLimits.Section).Get<OperationLimits>() ?? new OperationLimits();
        NativeHeap.RetainWorkingBuffers();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<IFaceLocator>(_ => new ModelFaceLocator(() => new UltraFaceDetector(ModelStore.CreateDefault())));
        builder.Services.AddSingleton(sp => new ImageProcessor(limits, sp.GetRequiredService<IFaceLocator>()));
        builder.Services.AddSingleton(new ProcessingRunner(limits));
        builder.Services.AddSingleton<OperationExecutor>();
        builder.Services.AddScoped<ImageSource>();
        builder.Services.AddScoped<ProcessingSubmissions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapImageOperationsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<OperationLimits>();
        var operations = app.MapGroup("/api/v1").WithTags("Image operations");
        operations.MapResizeApi(limits);
        operations.MapCropApi(limits);
        operations.MapFilterApi(limits);
        operations.MapEnhanceApi(limits);
        operations.MapConvertApi(limits);
        operations.MapImageInfoApi();

        var pipelines = app.MapGroup("/api/v1").WithTags("Pipelines and batches");
        pipelines.MapPipelinesApi();
        pipelines.MapBatchApi();
        return app;
    }

    /// <summary>The problem responses every image endpoint can give.</summary>
    public static RouteHandlerBuilder WithImageProblems(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp", "image/tiff", "image/gif", "image/heif", "image/avif"])
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
