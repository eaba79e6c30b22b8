using VisionAspire.Api.Events;
using VisionAspire.Api.DeadLetters;
using VisionAspire.Api.Extensions;
using VisionAspire.Api.Images;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Jobs;
using VisionAspire.Api.Monitoring;
using VisionAspire.Api.Operations;
using VisionAspire.Api.People;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddImageOperations();
builder.AddAiEndpoints();
builder.AddMonitoring();
builder.AddImageEvents();
builder.AddPeople();
builder.Services.AddProblemResponses();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseProblemResponses();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.SwaggerEndpoint("/openapi/v1.json", "VisionAspire API v1");
});

app.MapDefaultEndpoints();
app.MapImagesApi();
app.MapImageEventsApi();
app.MapJobsApi();
app.MapImageOperationsApi();
app.MapAiEndpointsApi();
app.MapMonitoringApi();
app.MapPeopleApi();
app.MapDeadLettersApi();

await app.RunAsync();
