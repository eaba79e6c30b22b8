using VisionAspire.Api.Events;
using VisionAspire.Api.DeadLetters;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Extensions;
using VisionAspire.Api.Images;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Jobs;
using VisionAspire.Api.Models;
using VisionAspire.Api.Monitoring;
using VisionAspire.Api.Operations;
using VisionAspire.Api.People;
using VisionAspire.Api.Predictions;
using VisionAspire.Api.RateLimiting;
using VisionAspire.Shared.ModelRegistry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddVisionAuthentication();
builder.AddVisionRateLimiting();
builder.AddImageOperations();
builder.AddAiEndpoints();
builder.AddModelRegistry(sp => sp.GetRequiredService<AiModels>().Store);
builder.AddModelsApi();
builder.AddMonitoring();
builder.AddImageEvents();
builder.AddPeople();
builder.Services.AddProblemResponses();
builder.Services.AddOpenApi(o => o.AddAuthenticationSchemes());

var app = builder.Build();

app.UseProblemResponses();
app.UseAuthentication();
app.UseVisionRateLimiting();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.SwaggerEndpoint("/openapi/v1.json", "VisionAspire API v1");
    o.EnablePersistAuthorization();
});

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapUsersApi();
app.MapMeApi();
app.MapImagesApi();
app.MapImageEventsApi();
app.MapJobsApi();
app.MapImageOperationsApi();
app.MapAiEndpointsApi();
app.MapMonitoringApi();
app.MapPeopleApi();
app.MapModelsApi();
app.MapPredictionsApi();
app.MapDeadLettersApi().RequireAuthorization(AuthenticationSetup.AdminPolicy);

await app.RunAsync();
