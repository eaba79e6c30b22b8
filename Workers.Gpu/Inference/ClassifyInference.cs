using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "classify": ImageNet top-5 ("classification", SqueezeNet) and a CIFAR-10 label derived from it ("cifar10", see
/// <see cref="ImageNetToCifar10"/>), on the objects' working copy. Thread-safe.
/// </summary>
public sealed class ClassifyInference(WorkerModels models) : IInferenceTask
{
    public const int TopK = 5;

    public string Name => ImageTasks.Classify;

    public bool UsesWorkingCopyOnly => true;

    public TaskOutcome Run(InferenceInput input)
    {
        var imageId = input.Request.ImageId;
        var classifier = models.Classifier.Model;
        var top = WorkerTelemetry.RunModel(classifier, () => models.Classifier.Classify(input.ObjectCopy, TopK), out var classifyMs);
        var rows = top.Select((c, rank) => new PredictionRecord(imageId, PredictionTasks.Classification,
            classifier.Id, classifier.Version, c.Label, c.Score, PredictionPayloads.Classification(c.ClassId, rank + 1), classifyMs)).ToList();

        var cifar = ImageNetToCifar10.Map(top);
        rows.Add(new PredictionRecord(imageId, PredictionTasks.Cifar10, classifier.Id, classifier.Version,
            cifar.Label, cifar.Confidence, null, classifyMs));
        return new TaskOutcome(rows);
    }
}
