using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Workers.Gpu.Inference;

namespace VisionAspire.Workers.Gpu.Processing;

public static class ProcessingServiceExtensions
{
    /// <summary>Registers the pipeline executor (limits from "Vision:Operations") and the consumer of <c>vision.process</c>.</summary>
    public static IHostApplicationBuilder AddImageProcessing(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(OperationLimits.Section).Get<OperationLimits>() ?? new OperationLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<IFaceLocator>(sp =>
            new ModelFaceLocator(() => new UltraFaceDetector(sp.GetRequiredService<WorkerModels>().Store)));
        builder.Services.AddSingleton(sp => new ImageProcessor(limits, sp.GetRequiredService<IFaceLocator>()));
        builder.Services.AddSingleton(new ProcessingRunner(limits));
        builder.Services.AddSingleton<ProcessRequestHandler>();
        builder.Services.AddHostedService<ProcessConsumer>();
        return builder;
    }
}
