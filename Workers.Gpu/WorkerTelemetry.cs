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
    public static T RunModel<T>(ModelEntry model, Func<T> run, out double milliseconds) =>
        RunModel(model.Id, model.Version, run, out milliseconds);

    /// <summary>Runs one model, or a chain of models recorded as one (<paramref name="id"/> and <paramref name="version"/>), inside its own span.</summary>
    public static T RunModel<T>(string id, string version, Func<T> run, out double milliseconds)
    {
        using var activity = Source.StartActivity($"model {id}");
        var clock = Stopwatch.StartNew();
        var result = run();
        milliseconds = clock.Elapsed.TotalMilliseconds;
        PipelineMetrics.ModelRun(id, version, milliseconds);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("visionaspire.model.id", id);
            activity.SetTag("visionaspire.model.version", version);
            activity.SetTag("visionaspire.model.ms", milliseconds);
        }

        return result;
    }
}
