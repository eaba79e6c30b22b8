using System.Diagnostics;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu;

/// <summary>The workers' spans: one per model run (model id, version, ms) and one per database write.</summary>
public static class WorkerTelemetry
{
    public const string Name = "VisionAspire.Workers";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Runs one model inside its own span and records its duration.</summary>
    public static T RunModel<T>(ModelEntry model, Func<T> run, out double milliseconds)
    {
        using var activity = Source.StartActivity($"model {model.Id}");
        var clock = Stopwatch.StartNew();
        var result = run();
        milliseconds = clock.Elapsed.TotalMilliseconds;
        PipelineMetrics.ModelRun(model.Id, model.Version, milliseconds);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("visionaspire.model.id", model.Id);
            activity.SetTag("visionaspire.model.version", model.Version);
            activity.SetTag("visionaspire.model.ms", milliseconds);
        }

        return result;
    }
}
