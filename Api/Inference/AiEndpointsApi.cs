using VisionAspire.Operations.Redaction;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.Inference;

/// <summary>
/// The synchronous AI endpoints (ocr, detect-objects, detect-faces, classify, blur, recognize) and their services. They read their
/// input like the image operations (ImageSource) and run on the same ProcessingRunner, so the operations' timeout
/// and concurrency bound (MaxConcurrentOperations, one model thread each) cover them too.
/// </summary>
public static class AiEndpointsApi
{
    public static IHostApplicationBuilder AddAiEndpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RecognizeOptions>(builder.Configuration.GetSection(RecognizeOptions.Section));
        builder.Services.AddSingleton<AiModels>();
        builder.Services.AddSingleton<IBlurRegionSource>(sp =>
        {
            var models = sp.GetRequiredService<AiModels>();
            return DetectedRegionSource.Faces(pixels =>
            {
                var detector = models.Faces(FaceDetectorKind.YuNet);
                return models.Run(detector.Model, () => detector.Detect(pixels));
            });
        });
        builder.Services.AddSingleton<IBlurRegionSource>(sp =>
        {
            var models = sp.GetRequiredService<AiModels>();
            return DetectedRegionSource.Plates(pixels => models.Run(AiModels.PlateModelIds, () => models.Plates.Locate(pixels)));
        });
        builder.Services.AddSingleton<BlurTargets>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAiEndpointsApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/api/v1").WithTags("AI");
        ai.MapOcrApi();
        ai.MapDetectObjectsApi();
        ai.MapDetectFacesApi();
        ai.MapClassifyApi();
        ai.MapBlurApi();
        ai.MapRecognizeApi();
        return app;
    }
}
