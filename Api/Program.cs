using VisionAspire.Api.DeadLetters;
using VisionAspire.Api.Extensions;
using VisionAspire.Api.Images;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Jobs;
using VisionAspire.Api.Operations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddImageOperations();
builder.AddAiEndpoints();
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
app.MapJobsApi();
app.MapImageOperationsApi();
app.MapAiEndpointsApi();
app.MapDeadLettersApi();

await app.RunAsync();
