using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service shares, as in Aspire's ServiceDefaults template: OpenTelemetry (logs, traces, metrics;
/// OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; metrics also as Prometheus text at
/// <see cref="MetricsEndpointPath"/>), default health checks, service discovery and
/// the standard resilience handler on every HttpClient.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string ReadinessProbePath = "/health/ready";
    public const string LivenessProbePath = "/health/live";
    public const string LiveTag = "live";
    public const string MetricsEndpointPath = "/metrics";

    /// <summary>Whether Prometheus may scrape without credentials where a service requires them (the Api).</summary>
    public const string AnonymousMetricsKey = "Vision:Auth:AnonymousMetrics";

    /// <summary>
    /// The services' own ActivitySources and Meters are named <c>VisionAspire.&lt;area&gt;</c>; this wildcard
    /// listens to all of them, so a new source or meter needs no registration here.
    /// </summary>
    public const string OwnTelemetryNames = "VisionAspire.*";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OwnTelemetryNames)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(OwnTelemetryNames)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddProcessor(new RedisPingFilter()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (and <c>/health/ready</c>): every check; a Degraded check still answers 200.
    /// <c>/alive</c> (and <c>/health/live</c>): only the checks tagged "live", so a dependency outage never gets
    /// the process restarted. Mapped in every environment: the AppHost and Kubernetes probes need them.
    /// <c>/metrics</c>: every meter as Prometheus text, for users who scrape rather than receive OTLP.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.Use(WithoutTracesForProbesAndScrapes);
        var live = new HealthCheckOptions { Predicate = registration => registration.Tags.Contains(LiveTag) };
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(ReadinessProbePath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, live).AllowAnonymous();
        app.MapHealthChecks(LivenessProbePath, live).AllowAnonymous();
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsEndpointPath);
        if (app.Configuration.GetValue(AnonymousMetricsKey, true))
        {
            metrics.AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// The AppHost and Kubernetes probe every few seconds; each probe's dependency checks (Postgres, Redis, storage)
    /// would otherwise start root traces of their own and bury the images' traces in the dashboard.
    /// </summary>
    private static async Task WithoutTracesForProbesAndScrapes(HttpContext context, RequestDelegate next)
    {
        if (!IsProbeOrScrape(context.Request.Path))
        {
            await next(context);
            return;
        }

        using var suppressed = SuppressInstrumentationScope.Begin();
        await next(context);
    }

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath)
        || path.StartsWithSegments(MetricsEndpointPath);
}
