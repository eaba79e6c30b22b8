using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using VisionAspire.ServiceDefaults.Resilience;
using VisionAspire.ServiceDefaults.ServiceDiscovery;
using VisionAspire.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service shares, shaped like Aspire's ServiceDefaults template: OpenTelemetry, health checks,
/// service discovery and resilience for outgoing HTTP.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.AddHttpResilience();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience outermost, so each retry resolves the service again (and may pick another replica).
            http.AddHttpMessageHandler(sp => sp.GetRequiredService<ResilienceHandler>());
            http.AddHttpMessageHandler(sp => sp.GetRequiredService<ServiceDiscoveryHandler>());
        });
        return builder;
    }

    /// <summary>
    /// Logs, traces and metrics through the OpenTelemetry SDK; exported with OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured. Also registers the service's own
    /// <see cref="ActivitySource"/>, named after the service, for injection.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = TelemetrySettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logging =>
        {
            logging.ConfigureResource(settings.ConfigureResource);
            if (settings.Otlp is { } otlp)
            {
                logging.AddOtlpExporter(options => otlp.Apply(options, "v1/logs"));
            }
        });

        builder.Services.AddSingleton(new ActivitySource(settings.ServiceName));
        builder.Services.AddHostedService<TelemetryProviders>();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: every check must pass (ready for traffic). <c>/alive</c>: only the checks tagged "live".
    /// Mapped in every environment: the AppHost and Kubernetes probes need them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });
        return app;
    }
}
