using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Object images: ImageNet top-5 ("classification", SqueezeNet), a CIFAR-10 label derived from it
/// ("cifar10", see <see cref="ImageNetToCifar10"/>) and COCO objects ("object-detection", YOLOX-Nano).
/// Thread-safe.
/// </summary>
public sealed class ObjectInference(WorkerModels models, IOptions<WorkerInferenceOptions> options)
{
    public const int TopK = 5;

    /// <summary>Long side of the copy <see cref="Run"/> works on.</summary>
    public int WorkingSize => options.Value.ObjectWorkingSize;

    /// <summary>Decodes <paramref name="original"/> to the working copy <see cref="Run"/> expects.</summary>
    public PixelBuffer Decode(byte[] original) => VipsImage.ThumbnailPixels(original, WorkingSize, WorkingSize, ResizeMode.Fit);

    /// <summary>Predictions from <paramref name="pixels"/>, the image fitted to a <see cref="WorkingSize"/> square.</summary>
    public IReadOnlyList<PredictionRecord> Run(InferenceRequestedV1 request, PixelBuffer pixels)
    {
        var rows = new List<PredictionRecord>();

        var classifier = models.Classifier.Model;
        var top = WorkerTelemetry.RunModel(classifier, () => models.Classifier.Classify(pixels, TopK), out var classifyMs);
        rows.AddRange(top.Select((c, rank) => new PredictionRecord(request.ImageId, PredictionTasks.Classification,
            classifier.Id, classifier.Version, c.Label, c.Score, PredictionPayloads.Classification(c.ClassId, rank + 1), classifyMs)));

        var cifar = ImageNetToCifar10.Map(top);
        rows.Add(new PredictionRecord(request.ImageId, PredictionTasks.Cifar10, classifier.Id, classifier.Version,
            cifar.Label, cifar.Confidence, null, classifyMs));

        var detector = models.Detector.Model;
        var objects = WorkerTelemetry.RunModel(detector, () => models.Detector.Detect(pixels), out var detectMs);
        var scale = (float)request.Width / pixels.Width;
        rows.AddRange(objects.Select(o => new PredictionRecord(request.ImageId, PredictionTasks.ObjectDetection,
            detector.Id, detector.Version, o.Label, o.Score,
            PredictionPayloads.Object(o.ClassId, new(o.Box.X * scale, o.Box.Y * scale, o.Box.Width * scale, o.Box.Height * scale)),
            detectMs)));

        return rows;
    }
}
