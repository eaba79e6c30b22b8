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
var api = builder.AddProject<Projects.Api>("api")
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

// The http endpoint only: in a published manifest a plain WithReference(api) also passes the Api's https url,
// which aspirate resolves to nothing (in-cluster references stay on http, see ManifestTests).
builder.AddProject<Projects.Web>("web")
    .WithReference(api.GetEndpoint("http")).WaitFor(api)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.RestartCrashedResources();

builder.Build().Run();
