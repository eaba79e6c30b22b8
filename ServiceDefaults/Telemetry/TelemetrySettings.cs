using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;

namespace VisionAspire.ServiceDefaults.Telemetry;

/// <summary>Service identity and exporter settings, read once from configuration at start-up.</summary>
public sealed record TelemetrySettings(string ServiceName, string? ServiceInstanceId, OtlpSettings? Otlp)
{
    /// <summary>ActivitySources the frameworks publish without instrumentation packages.</summary>
    public static readonly string[] FrameworkSources =
        ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "RabbitMQ.Client.*"];

    public static readonly string[] FrameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "Npgsql"];

    public static TelemetrySettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : environment.ApplicationName;
        return new TelemetrySettings(
            serviceName,
            ParseInstanceId(configuration["OTEL_RESOURCE_ATTRIBUTES"]),
            OtlpSettings.From(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]));
    }

    public void ConfigureResource(ResourceBuilder resource) =>
        resource.AddService(ServiceName, serviceInstanceId: ServiceInstanceId, autoGenerateServiceInstanceId: ServiceInstanceId is null);

    private static string? ParseInstanceId(string? attributes) =>
        attributes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0] == "service.instance.id")
            .Select(pair => pair[1])
            .FirstOrDefault();
}
