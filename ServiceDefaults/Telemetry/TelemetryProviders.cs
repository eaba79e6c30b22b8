using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VisionAspire.ServiceDefaults.Telemetry;

/// <summary>
/// Owns the tracer and meter providers (the hosting package that would do this is not available):
/// built when the host starts, flushed and disposed when it stops. Without an OTLP endpoint nothing is
/// built: with no exporter, recording activities and metrics would only cost time on every request.
/// </summary>
internal sealed class TelemetryProviders(TelemetrySettings settings) : IHostedService, IDisposable
{
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Otlp is not { } otlp)
        {
            return Task.CompletedTask;
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(settings.ConfigureResource)
            .AddSource(settings.ServiceName)
            .AddSource(TelemetrySettings.FrameworkSources);
        var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(settings.ConfigureResource)
            .AddMeter(settings.ServiceName)
            .AddMeter(TelemetrySettings.FrameworkMeters);

        tracing.AddOtlpExporter(options => otlp.Apply(options, "v1/traces"));
        metrics.AddOtlpExporter(options => otlp.Apply(options, "v1/metrics"));
        _tracing = tracing.Build();
        _metrics = metrics.Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracing?.ForceFlush(5000);
        _metrics?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
    }
}
