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
public sealed class AiModels : IModelRunner, IDisposable
{
    /// <summary>
    /// YOLOX-nano keeps candidates from this score on, so minScore can go below the workers' 0.3. Hard NMS only lets a
    /// box suppress lower-scored ones, so filtering by minScore after NMS equals thresholding before it.
    /// </summary>
    public const float ObjectScoreFloor = 0.05f;

    /// <summary>The catalogued models <see cref="OcrReader"/> chains, in the order it runs them.</summary>
    public static readonly IReadOnlyList<string> OcrModelIds = OcrReader.ModelIds;

    /// <summary>The catalogued models <see cref="PlateLocator"/> chains, in the order it runs them.</summary>
    public static readonly IReadOnlyList<string> PlateModelIds = PlateLocator.ModelIds;

    private readonly Lazy<ModelStore> _store;
    private readonly Lazy<ObjectDetector> _objects;
    private readonly Lazy<YuNetDetector> _yunet;
    private readonly Lazy<UltraFaceDetector> _ultraface;
    private readonly Lazy<IReadOnlyList<string>> _objectLabels;
    private readonly Lazy<OcrReader> _ocr;
    private readonly Lazy<PlateLocator> _plates;

    public AiModels()
    {
        _store = Load(() => ModelStore.CreateDefault(new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 }));
        _objects = Load(ObjectDetector.DefaultModelId, () => new ObjectDetector(_store.Value, scoreThreshold: ObjectScoreFloor));
        _yunet = Load(YuNetDetector.DefaultModelId, () => new YuNetDetector(_store.Value));
        _ultraface = Load(UltraFaceDetector.DefaultModelId, () => new UltraFaceDetector(_store.Value));
        _objectLabels = Load(() => _store.Value.Labels(ObjectDetector.DefaultModelId));
        _ocr = Load(Chain(OcrModelIds), () => new OcrReader(_store.Value));
        _plates = Load(() => new PlateLocator(_objects.Value, _ocr.Value.Detector, _ocr.Value.Recognizer));
    }

    public ObjectDetector Objects => _objects.Value;

    /// <summary>The store the models load from; the classifiers are the ClassifierRegistry's (their version can change live).</summary>
    public ModelStore Store => _store.Value;

    /// <summary>The COCO-80 class names YOLOX-nano reports (index = class id).</summary>
    public IReadOnlyList<string> ObjectLabels => _objectLabels.Value;

    /// <summary>PP-OCRv4 detection, 0/180 degree classification and recognition.</summary>
    public OcrReader Ocr => _ocr.Value;

    /// <summary>Licence plates as plate-like text low in YOLOX vehicle boxes (no plate model exists here).</summary>
    public PlateLocator Plates => _plates.Value;

    /// <summary>YuNet: the detector of recognition and enrolment (the embedder is the registry's, <see cref="Shared.Faces.ActiveFaceEmbedder"/>).</summary>
    public YuNetDetector YuNet => _yunet.Value;

    public IFaceDetector Faces(FaceDetectorKind kind) => kind switch
    {
        FaceDetectorKind.YuNet => _yunet.Value,
        FaceDetectorKind.UltraFace => _ultraface.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Runs a model, recording its duration in the pipeline metrics as the workers do.</summary>
    public T Run<T>(ModelEntry model, Func<T> run) => Run(model.Id, model.Version, run);

    /// <summary>
    /// Runs a pipeline that chains several models in one call (OCR, plates), recorded as one run under the models'
    /// ids and versions joined with '+': the pipeline does not time its models one by one.
    /// </summary>
    public T Run<T>(IReadOnlyList<string> modelIds, Func<T> run)
    {
        var models = modelIds.Select(_store.Value.Entry).ToList();
        return Run(Chain(modelIds), string.Join('+', models.Select(m => m.Version)), run);
    }

    /// <summary>Runs one model (by id and version), recording its duration in the pipeline metrics.</summary>
    public static T Run<T>(string id, string version, Func<T> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = run();
        PipelineMetrics.ModelRun(id, version, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    private static string Chain(IEnumerable<string> modelIds) => string.Join('+', modelIds);

    public void Dispose()
    {
        DisposeIfCreated(_objects);
        DisposeIfCreated(_yunet);
        DisposeIfCreated(_ultraface);
        DisposeIfCreated(_ocr);
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
