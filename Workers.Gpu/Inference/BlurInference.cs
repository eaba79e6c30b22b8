using System.Diagnostics;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Operations.Redaction;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "blur": every face (YuNet) and licence plate (<see cref="Models.PlateLocator"/>) blurred as POST /api/v1/blur does
/// by default (strong Gaussian, metadata stripped), written as a JPEG: the processed output. One "blurred-region" row
/// per region (label: faces or plates; payload: the box in original pixels; ms: the time spent finding that target).
/// Thread-safe.
/// </summary>
public sealed class BlurInference(WorkerModels models) : IInferenceTask
{
    public const int Strength = 50;
    public const int Quality = 85;

    public string Name => ImageTasks.Blur;

    public bool UsesWorkingCopyOnly => false;

    public TaskOutcome Run(InferenceInput input)
    {
        var (faces, plates, plateChain) = (models.FaceDetector, models.Plates, models.PlateChain);
        double facesMs = 0, platesMs = 0;
        IBlurRegionSource[] sources =
        [
            DetectedRegionSource.Faces(pixels => WorkerTelemetry.RunModel(faces.Model, () => faces.Detect(pixels), out facesMs)),
            DetectedRegionSource.Plates(pixels => WorkerTelemetry.RunModel(plateChain.Id, plateChain.Version, () => plates.Locate(pixels), out platesMs)),
        ];

        var clock = Stopwatch.StartNew();
        var result = ImageRedactor.Redact(input.Original, new ImageLoadOptions(), sources, RegionBlurMode.Gaussian, Strength, ImageFormat.Jpeg, Quality);
        var output = new ProcessedImage(result.Data, result.ContentType, "jpg", result.Width, result.Height, clock.Elapsed.TotalMilliseconds);

        var rows = result.Regions.Select(found =>
        {
            var (model, version, ms) = found.Target == DetectedRegionSource.FacesTarget
                ? (faces.Model.Id, faces.Model.Version, facesMs)
                : (plateChain.Id, plateChain.Version, platesMs);
            var box = found.Region;
            return new PredictionRecord(input.Request.ImageId, PredictionTasks.BlurredRegion, model, version, found.Target, found.Score,
                PredictionPayloads.Region(box.Left, box.Top, box.Width, box.Height), ms);
        }).ToList();
        return new TaskOutcome(rows, output);
    }
}
