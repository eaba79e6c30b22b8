using VisionAspire.Data;
using VisionAspire.Messaging;
using VisionAspire.Shared;
using VisionAspire.Workers.Gpu.Inference;
using VisionAspire.Workers.Gpu.Processing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
DatabaseConnections.EnableAutoPrepare(builder.Configuration, "visiondb");
builder.AddNpgsqlDataSource("visiondb");
builder.AddRedisClient("cache");
builder.AddRabbitMQClient("messaging");
builder.AddObjectStoreClient("storage");
builder.Services.AddVisionData();
builder.Services.AddVisionMessaging();

builder.Services.Configure<WorkerInferenceOptions>(builder.Configuration.GetSection(WorkerInferenceOptions.Section));
builder.Services.AddSingleton<WorkerModels>();
builder.Services.AddSingleton<FaceInference>();
builder.Services.AddSingleton<ObjectInference>();
builder.Services.AddSingleton<OriginalImageSource>();
builder.Services.AddSingleton<WorkingCopies>();
builder.Services.AddSingleton<JobProgress>();
builder.Services.AddSingleton<InferenceHandler>();
builder.Services.AddHostedService<ModelVersionRegistration>();
builder.Services.AddHostedService<FaceInferenceConsumer>();
builder.Services.AddHostedService<ObjectInferenceConsumer>();
builder.AddImageProcessing();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
