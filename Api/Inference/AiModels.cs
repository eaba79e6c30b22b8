using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Api.Inference;

/// <summary>
/// The model pipelines of the AI endpoints, each loaded (and its file verified) on first use and then shared by
/// every request, as the workers share theirs. CPU sessions with one thread per run: how many runs overlap is
/// bounded by the operation runner the endpoints go through. A model that fails to load (file missing, checksum
/// wrong) fails every later request too (Lazy keeps the exception; each answers 503) until the process restarts.
/// Thread-safe singleton.
/// </summary>
public sealed class AiModels : IDisposable
{
    /// <summary>
    /// YOLOX-nano keeps candidates from this score on, so minScore can go below the workers' 0.3. Hard NMS only lets a
    /// box suppress lower-scored ones, so filtering by minScore after NMS equals thresholding before it.
    /// </summary>
    public const float ObjectScoreFloor = 0.05f;

    private readonly Lazy<ModelStore> _store;
    private readonly Lazy<ObjectDetector> _objects;
    private readonly Lazy<ImageClassifier> _classifier;
    private readonly Lazy<YuNetDetector> _yunet;
    private readonly Lazy<UltraFaceDetector> _ultraface;
    private readonly Lazy<IReadOnlyList<string>> _objectLabels;

    public AiModels()
    {
        _store = Load(() => ModelStore.CreateDefault(new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 }));
        _objects = Load(ObjectDetector.DefaultModelId, () => new ObjectDetector(_store.Value, scoreThreshold: ObjectScoreFloor));
        _classifier = Load(ImageClassifier.DefaultModelId, () => new ImageClassifier(_store.Value));
        _yunet = Load(YuNetDetector.DefaultModelId, () => new YuNetDetector(_store.Value));
        _ultraface = Load(UltraFaceDetector.DefaultModelId, () => new UltraFaceDetector(_store.Value));
        _objectLabels = Load(() => _store.Value.Labels(ObjectDetector.DefaultModelId));
    }

    public ObjectDetector Objects => _objects.Value;

    public ImageClassifier Classifier => _classifier.Value;

    /// <summary>The COCO-80 class names YOLOX-nano reports (index = class id).</summary>
    public IReadOnlyList<string> ObjectLabels => _objectLabels.Value;

    public IFaceDetector Faces(FaceDetectorKind kind) => kind switch
    {
        FaceDetectorKind.YuNet => _yunet.Value,
        FaceDetectorKind.UltraFace => _ultraface.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Runs a model, recording its duration in the pipeline metrics as the workers do.</summary>
    public T Run<T>(ModelEntry model, Func<T> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = run();
        PipelineMetrics.ModelRun(model.Id, model.Version, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    public void Dispose()
    {
        DisposeIfCreated(_objects);
        DisposeIfCreated(_classifier);
        DisposeIfCreated(_yunet);
        DisposeIfCreated(_ultraface);
    }

    private static Lazy<T> Load<T>(Func<T> create) => new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    private static Lazy<T> Load<T>(string modelId, Func<T> create) => Load(() => PipelineMetrics.LoadModel(modelId, create));

    private static void DisposeIfCreated<T>(Lazy<T> model) where T : IDisposable
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }
    }
}
