var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache")
    .RunAsLocalProcessWithoutDocker();

var visionDb = builder.AddPostgres("postgres")
    .WithDataVolume("postgres-data")
    .AddDatabase("visiondb")
    .RunAsLocalProcessWithoutDocker();

var messaging = builder.AddRabbitMQ("messaging")
    .WithDataVolume("messaging-data")
    .RunAsLocalProcessWithoutDocker();

var storage = builder.AddObjectStorage("storage");

// Services
builder.AddProject<Projects.Api>("api")
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithDirectHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithApiAuthentication()
    .WithReference(cache).WaitFor(cache)
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Preprocessor>("preprocessor")
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithReference(cache).WaitFor(cache)
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Workers_Gpu>("workers")
    .WithReplicas(2)
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithReference(cache).WaitFor(cache)
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage)
    .WithHttpHealthCheck("/health");

builder.RestartCrashedResources();

builder.Build().Run();
