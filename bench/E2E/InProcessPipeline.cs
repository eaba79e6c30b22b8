using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Preprocessor.Analysis;
using VisionAspire.Workers.Gpu.Inference;

namespace VisionAspire.E2E;

/// <summary>
/// The services' compute path without the services: the Preprocessor's analysis, then the workers' inference,
/// on the same classes and settings. Its throughput is the ceiling the distributed pipeline is measured against.
/// Thread-safe.
/// </summary>
public sealed class InProcessPipeline : IDisposable
{
    private readonly IFaceDetector _detector;
    private readonly FaceConfirmer _confirmer;
    private readonly ImageAnalyzer _analyzer;
    private readonly Dictionary<string, IInferenceTask> _tasks;
    private readonly int _workingSize;
    private readonly int _objectWorkingSize;
    private readonly CatalogClassifier _classifiers;

    public InProcessPipeline()
    {
        var preprocessing = Options.Create(new PreprocessingOptions());
        _workingSize = preprocessing.Value.WorkingSize;
        var inference = Options.Create(new WorkerInferenceOptions { Provider = "cpu" });
        var models = new WorkerModels(inference, NullLogger<WorkerModels>.Instance);
        _detector = FaceDetectorFactory.Create(models.Store, preprocessing.Value.FaceDetector);
        _confirmer = new FaceConfirmer(_detector, models.Store);
        _analyzer = new ImageAnalyzer(_detector, _confirmer, preprocessing);
        _objectWorkingSize = inference.Value.ObjectWorkingSize;
        _classifiers = new CatalogClassifier(new ImageClassifier(models.Store));
        IInferenceTask[] tasks = [new FaceInference(models, inference), new ClassifyInference(_classifiers), new ObjectInference(models)];
        _tasks = tasks.ToDictionary(t => t.Name);
    }

    public (string Kind, IReadOnlyList<PredictionRecord> Predictions) Run(byte[] image)
    {
        var analysis = _analyzer.Analyze(image);
        var request = new InferenceRequestedV1(Guid.NewGuid(), Guid.Empty, analysis.Kind, "", analysis.Width, analysis.Height,
            analysis.Faces.Select(f => new FaceBoxV1(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Score,
                f.Landmarks?.SelectMany(l => new[] { l.X, l.Y }).ToList())).ToList(),
            _analyzer.FaceModel.Id, _analyzer.FaceModel.Version, analysis.FaceDetectionMs);
        // Like the services: the kind's default tasks, objects classified on the analysis' working copy when the sizes agree.
        // recognize is left out: its embedder version and gallery live in Postgres, which this ceiling runs without.
        var input = new InferenceInput(request, image, _objectWorkingSize == _workingSize ? analysis.Working : null, _objectWorkingSize);
        var predictions = ImageTasks.DefaultFor(analysis.Kind).Where(_tasks.ContainsKey).SelectMany(task => _tasks[task].Run(input).Predictions).ToList();
        return (analysis.Kind, predictions);
    }

    public void Dispose()
    {
        _classifiers.Dispose();
        _confirmer.Dispose();
        _detector.Dispose();
    }
}
