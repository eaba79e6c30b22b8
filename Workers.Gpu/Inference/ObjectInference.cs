using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>"objects": COCO-80 boxes ("object-detection", YOLOX-nano) found on the objects' working copy. Thread-safe.</summary>
public sealed class ObjectInference(WorkerModels models) : IInferenceTask
{
    public string Name => ImageTasks.Objects;

    public bool UsesWorkingCopyOnly => true;

    public TaskOutcome Run(InferenceInput input)
    {
        var (request, pixels) = (input.Request, input.ObjectCopy);
        var detector = models.Detector.Model;
        var objects = WorkerTelemetry.RunModel(detector, () => models.Detector.Detect(pixels), out var detectMs);
        var scale = (float)request.Width / pixels.Width;
        return new TaskOutcome([.. objects.Select(o => new PredictionRecord(request.ImageId, PredictionTasks.ObjectDetection,
            detector.Id, detector.Version, o.Label, o.Score,
            PredictionPayloads.Object(o.ClassId, new(o.Box.X * scale, o.Box.Y * scale, o.Box.Width * scale, o.Box.Height * scale)),
            detectMs))]);
    }
}
