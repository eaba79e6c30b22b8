using Microsoft.Extensions.Options;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// The sessions every message of this replica shares (classifiers, whose version can change live, are the
/// ClassifierRegistry's) (models have batch 1; ORT Run is thread-safe).
/// Provider "cuda" asks ONNX Runtime for CUDA, "auto" does when the ORT build has it (-p:InferenceFlavor=Gpu); the
/// model store falls back to the CPU, logging why and the fix once, when this machine cannot use it. The models of
/// the tasks an upload must ask for (ocr, blur) load on first use, so a replica that never runs them does not hold
/// them. Thread-safe.
/// </summary>
public sealed class WorkerModels
{
    private readonly Lazy<YuNetDetector> _faceDetector;
    private readonly Lazy<OcrReader> _ocr;
    private readonly Lazy<PlateLocator> _plates;

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
        Embedder = PipelineMetrics.LoadModel(nameof(FaceEmbedder), () => new FaceEmbedder(Store));
        Detector = PipelineMetrics.LoadModel(nameof(ObjectDetector), () => new ObjectDetector(Store));
        _faceDetector = OnFirstUse(() => PipelineMetrics.LoadModel(nameof(YuNetDetector), () => new YuNetDetector(Store)));
        _ocr = OnFirstUse(() => PipelineMetrics.LoadModel(nameof(OcrReader), () => new OcrReader(Store)));
        _plates = OnFirstUse(() => new PlateLocator(Detector, Ocr.Detector, Ocr.Recognizer));
        logger.LogInformation("Inference provider requested: {Provider}, in use: {InUse}", Provider, Store.Provider);
        OcrChain = ModelChain.Of(Store, OcrReader.ModelIds);
        PlateChain = ModelChain.Of(Store, PlateLocator.ModelIds);
    }

    public ModelStore Store { get; }

    /// <summary>The provider asked for; <see cref="ModelStore.Provider"/> is the one in use.</summary>
    public ExecutionProvider Provider { get; }

    public FaceEmbedder Embedder { get; }

    public ObjectDetector Detector { get; }

    /// <summary>YuNet: the faces blur hides (on a larger copy than the Preprocessor's detector sees, as the Api's blur does).</summary>
    public YuNetDetector FaceDetector => _faceDetector.Value;

    /// <summary>PP-OCRv4 detection, 0/180 degree classification and recognition.</summary>
    public OcrReader Ocr => _ocr.Value;

    public ModelChain OcrChain { get; }

    /// <summary>Licence plates as plate-like text low in YOLOX vehicle boxes.</summary>
    public PlateLocator Plates => _plates.Value;

    public ModelChain PlateChain { get; }

    private static Lazy<T> OnFirstUse<T>(Func<T> load) => new(load, LazyThreadSafetyMode.ExecutionAndPublication);
}
