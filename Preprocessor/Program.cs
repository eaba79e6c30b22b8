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
builder.Services.AddSingleton(sp => FaceDetectorFactory.Create(
    sp.GetRequiredService<ModelStore>(), sp.GetRequiredService<IOptions<PreprocessingOptions>>().Value.FaceDetector));
builder.Services.AddSingleton<ImageAnalyzer>();
builder.Services.AddSingleton<OriginalImageSource>();
builder.Services.AddSingleton<WorkingCopies>();
builder.Services.AddSingleton<JobProgress>();
builder.Services.AddHostedService<PreprocessConsumer>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
