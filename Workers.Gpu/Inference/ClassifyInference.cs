using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Shared;
using VisionAspire.Shared.ModelRegistry;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "classify": the top 5 of the image's classifier ("classification"; the upload's model=, else SqueezeNet ImageNet-1k)
/// on the objects' working copy, recorded with the version that ran (the active one when the run started), and for
/// SqueezeNet a CIFAR-10 label derived from it ("cifar10", see <see cref="ImageNetToCifar10"/>). Thread-safe.
/// </summary>
public sealed class ClassifyInference(IClassifierSource classifiers) : IInferenceTask
{
    public const int TopK = 5;

    public string Name => ImageTasks.Classify;

    public bool UsesWorkingCopyOnly => true;

    public async Task PrepareAsync(ImageRecord image, CancellationToken ct)
    {
        using var loaded = await classifiers.AcquireAsync(ModelOf(image.ClassifyModel), ct);
    }

    public TaskOutcome Run(InferenceInput input)
    {
        var imageId = input.Request.ImageId;
        using var lease = classifiers.AcquireLoaded(ModelOf(input.ClassifyModel));
        var classifier = lease.Model;
        var top = WorkerTelemetry.RunModel(classifier.ModelId, classifier.ModelVersion, () => classifier.Classify(input.ObjectCopy, TopK), out var classifyMs);
        var rows = top.Select((c, rank) => new PredictionRecord(imageId, PredictionTasks.Classification,
            classifier.ModelId, classifier.ModelVersion, c.Label, c.Score, PredictionPayloads.Classification(c.ClassId, rank + 1), classifyMs)).ToList();

        if (classifier.ModelId == ImageClassifier.DefaultModelId)
        {
            var cifar = ImageNetToCifar10.Map(top);
            rows.Add(new PredictionRecord(imageId, PredictionTasks.Cifar10, classifier.ModelId, classifier.ModelVersion,
                cifar.Label, cifar.Confidence, null, classifyMs));
        }
        return new TaskOutcome(rows);
    }

    private static string ModelOf(string? requested) => requested ?? ImageClassifier.DefaultModelId;
}
