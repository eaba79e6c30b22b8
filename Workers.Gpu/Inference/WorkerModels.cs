using Microsoft.Extensions.Options;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// The sessions every message of this replica shares (models have batch 1; ORT Run is thread-safe).
/// Provider "cuda" asks ONNX Runtime for CUDA, "auto" does when the ORT build has it (-p:InferenceFlavor=Gpu); the
/// model store falls back to the CPU, logging why and the fix once, when this machine cannot use it. Thread-safe.
/// </summary>
public sealed class WorkerModels
{
    public WorkerModels(IOptions<WorkerInferenceOptions> options, ILogger<WorkerModels> logger)
    {
        var settings = options.Value;
        Provider = settings.Provider.ToLowerInvariant() switch
        {
            "cpu" => ExecutionProvider.Cpu,
            "cuda" => ExecutionProvider.Cuda,
            "auto" => ExecutionProvider.Auto,
            var other => throw new InvalidOperationException($"Vision:Inference:Provider '{other}' is not one of auto, cuda, cpu."),
        };

        Store = ModelStore.CreateDefault(new InferenceOptions
        {
            Provider = Provider,
            IntraOpThreads = settings.IntraOpThreads,
            Log = message => logger.LogInformation("ONNX Runtime: {Message}", message),
        });
        Classifier = PipelineMetrics.LoadModel(nameof(ImageClassifier), () => new ImageClassifier(Store));
        Embedder = PipelineMetrics.LoadModel(nameof(FaceEmbedder), () => new FaceEmbedder(Store));
        Detector = PipelineMetrics.LoadModel(nameof(ObjectDetector), () => new ObjectDetector(Store));
    }

    public ModelStore Store { get; }

    /// <summary>The provider asked for; <see cref="ModelStore.Provider"/> is the one in use.</summary>
    public ExecutionProvider Provider { get; }

    public ImageClassifier Classifier { get; }

    public FaceEmbedder Embedder { get; }

    public ObjectDetector Detector { get; }
}
