using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VisionAspire.Shared;

/// <summary>
/// The pipeline's metrics, one Meter for every service (each series carries its service in the resource): images
/// accepted, completed and failed, stage durations, model runs and model loads. Instruments are thread-safe.
/// </summary>
public static class PipelineMetrics
{
    public const string Name = "VisionAspire.Pipeline";

    public const string UploadStage = "upload";
    public const string PreprocessStage = "preprocess";
    public const string InferenceStage = "inference";
    public const string EndToEndStage = "end_to_end";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>(
        "visionaspire.images.accepted", unit: "{image}", description: "New images stored by the Api (and queued, now or by its sweeper).");

    private static readonly Counter<long> Completed = Meter.CreateCounter<long>(
        "visionaspire.images.completed", unit: "{image}", description: "Images that reached 'completed', by kind.");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "visionaspire.images.failed", unit: "{image}", description: "Images that reached 'failed', by kind (unknown before preprocessing) and stage.");

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "visionaspire.stage.duration", unit: "s", description: "Time of one image in a stage; end_to_end runs from the upload to 'completed'.");

    private static readonly Histogram<double> ModelRunDuration = Meter.CreateHistogram<double>(
        "visionaspire.model.run.duration", unit: "s", description: "One inference run of a model.");

    private static readonly Histogram<double> ModelLoadDuration = Meter.CreateHistogram<double>(
        "visionaspire.model.load.duration", unit: "s", description: "Verifying and loading a model into a session.");

    public static void ImageAccepted() => Accepted.Add(1);

    public static void ImageCompleted(string kind) => Completed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void ImageFailed(string? kind, string stage) => Failed.Add(1,
        new KeyValuePair<string, object?>("kind", kind ?? "unknown"), new KeyValuePair<string, object?>("stage", stage));

    public static void StageCompleted(string stage, TimeSpan elapsed, string? kind = null) => StageDuration.Record(elapsed.TotalSeconds,
        new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("kind", kind));

    public static void ModelRun(string modelId, string version, double milliseconds) => ModelRunDuration.Record(milliseconds / 1000,
        new KeyValuePair<string, object?>("model", modelId), new KeyValuePair<string, object?>("model.version", version));

    /// <summary>Creates what loads <paramref name="modelId"/> and records how long it took.</summary>
    public static T LoadModel<T>(string modelId, Func<T> load)
    {
        var clock = Stopwatch.StartNew();
        var loaded = load();
        ModelLoadDuration.Record(clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", modelId));
        return loaded;
    }
}
