using VisionAspire.Shared;
using VisionAspire.Shared.Faces;
using VisionAspire.Shared.ModelRegistry;
using VisionAspire.Workers.Gpu.Faults;
using VisionAspire.Workers.Gpu.Inference;
using VisionAspire.Workers.Gpu.Processing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVisionBackends();
builder.AddComputeGate();

builder.Services.Configure<WorkerInferenceOptions>(builder.Configuration.GetSection(WorkerInferenceOptions.Section));
builder.Services.AddSingleton<WorkerModels>();
builder.Services.Configure<RecognizeOptions>(builder.Configuration.GetSection(RecognizeOptions.Section));
builder.Services.AddFaceIdentification();
builder.AddModelRegistry(sp => sp.GetRequiredService<WorkerModels>().Store);
// The upload tasks (Contracts.ImageTasks) this worker runs; the handler picks the ones a request names.
builder.Services.AddSingleton<IInferenceTask, FaceInference>();
builder.Services.AddSingleton<IInferenceTask, RecognizeInference>();
builder.Services.AddSingleton<IInferenceTask, ClassifyInference>();
builder.Services.AddSingleton<IInferenceTask, ObjectInference>();
builder.Services.AddSingleton<IInferenceTask, OcrInference>();
builder.Services.AddSingleton<IInferenceTask, BlurInference>();
builder.Services.AddSingleton<OriginalImageSource>();
builder.Services.AddSingleton<WorkingCopies>();
builder.Services.AddSingleton<JobProgress>();
builder.Services.AddSingleton<InferenceHandler>();
builder.Services.Configure<FaultInjectionOptions>(builder.Configuration.GetSection(FaultInjectionOptions.Section));
builder.Services.AddSingleton<FaultInjection>();
builder.Services.AddHostedService<FaceInferenceConsumer>();
builder.Services.AddHostedService<ObjectInferenceConsumer>();
builder.Services.AddHostedService<FaceReembeddingJob>();
builder.AddImageProcessing();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
