using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_otlp_http_when_configured()
    {
        // A stand-in collector: records which OTLP paths receive protobuf batches.
        var received = new ConcurrentDictionary<string, int>();
        await using var collector = await TestWebApp.StartAsync(serviceDefaults: false, configureApp: app =>
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                if (body.Length > 0 && request.ContentType == "application/x-protobuf")
                {
                    received.AddOrUpdate(signal, 1, (_, n) => n + 1);
                }
                return Results.Ok();
            }));

        var service = await TestWebApp.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "telemetry-test",
        }, configureApp: app => app.MapGet("/work", (ActivitySource source, ILogger<TelemetryExportTests> logger) =>
        {
            using var activity = source.StartActivity("own-work");
            logger.LogInformation("did some work");
            return activity is null ? "no listener" : activity.Source.Name;
        }));

        // The service's own ActivitySource is named after OTEL_SERVICE_NAME and is listened to.
        Assert.Equal("telemetry-test", await service.Http.GetStringAsync("/work"));

        // Stopping the host flushes every provider.
        await service.DisposeAsync();

        Assert.True(received.ContainsKey("traces"), $"no traces exported; got {string.Join(",", received.Keys)}");
        Assert.True(received.ContainsKey("metrics"), $"no metrics exported; got {string.Join(",", received.Keys)}");
        Assert.True(received.ContainsKey("logs"), $"no logs exported; got {string.Join(",", received.Keys)}");
    }
}
