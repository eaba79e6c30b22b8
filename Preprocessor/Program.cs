using Microsoft.Extensions.Options;
using VisionAspire.Models;
using VisionAspire.Preprocessor;
using VisionAspire.Preprocessor.Analysis;
using VisionAspire.Shared;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVisionBackends();
builder.AddComputeGate();

builder.Services.Configure<PreprocessingOptions>(builder.Configuration.GetSection(PreprocessingOptions.Section));
builder.Services.AddSingleton(_ => ModelStore.CreateDefault(new InferenceOptions { Provider = ExecutionProvider.Cpu }));
builder.Services.AddSingleton(sp =>
{
    var modelId = sp.GetRequiredService<IOptions<PreprocessingOptions>>().Value.FaceDetector;
    return PipelineMetrics.LoadModel(modelId, () => FaceDetectorFactory.Create(sp.GetRequiredService<ModelStore>(), modelId));
});
builder.Services.AddSingleton<FaceConfirmer>();
builder.Services.AddSingleton<ImageAnalyzer>();
builder.Services.AddSingleton<OriginalImageSource>();
builder.Services.AddSingleton<WorkingCopies>();
builder.Services.AddSingleton<JobProgress>();
builder.Services.AddHostedService<PreprocessConsumer>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
