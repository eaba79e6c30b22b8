using VisionAspire.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache");

var postgres = builder.AddPostgres("postgres")
    .WithDataVolume();
var visionDb = postgres.AddDatabase("visiondb");

var messaging = builder.AddRabbitMQ("messaging")
    .WithDataVolume();

var storage = builder.AddMinio("storage")
    .WithDataVolume();

builder.AddProject<Projects.Api>("api")
    .WithHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithReference(cache).WaitFor(cache)
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage);

builder.AddProject<Projects.Preprocessor>("preprocessor")
    .WithHttpEndpoint()
    .WithReference(cache).WaitFor(cache)
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage);

builder.AddProject<Projects.Workers_Gpu>("workers")
    .WithReplicas(2)
    .WithHttpEndpoint()
    .WithReference(visionDb).WaitFor(visionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(storage).WaitFor(storage)
    .WithReference(cache).WaitFor(cache);

builder.Build().Run();
