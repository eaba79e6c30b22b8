using VisionAspire.Models;

namespace VisionAspire.Cli.Analyze;

/// <summary>Runs the requested tasks on one image; pipelines are created on first use. Not thread-safe (CLI use).</summary>
public sealed class ImageAnalyzer(ModelStore store, AnalysisTasks tasks, string detector) : IDisposable
{
    private const int TopClasses = 5;

    private IFaceDetector? _faces;
    private YuNetDetector? _confirmer;
    private ImageClassifier? _classifier;
    private ObjectDetector? _objects;
    private FaceEmbedder? _embedder;
    private OcrReader? _ocr;

    public AnalysisResult Analyze(string file)
    {
        var image = WorkingImage.Decode(file);
        var result = new AnalysisResult(file) { Width = image.Width, Height = image.Height };

        if (tasks.HasFlag(AnalysisTasks.Faces) || tasks.HasFlag(AnalysisTasks.Embed))
        {
            _faces ??= detector == "yunet" ? new YuNetDetector(store) : new UltraFaceDetector(store);
            var faces = _faces.Detect(image.Pixels);
            var embed = tasks.HasFlag(AnalysisTasks.Embed);
            if (embed)
            {
                _embedder ??= new FaceEmbedder(store);
            }
            var originalFaces = faces.Select(f => f with { Box = ToOriginal(f.Box, image) }).ToArray();
            result = result with
            {
                Kind = Label(faces, image.Pixels),
                Faces = faces.Select((f, i) => new FaceResult(Round(originalFaces[i].Box), Round(f.Score),
                    embed ? _embedder!.Embed(image.Pixels, f).Select(Round).ToArray() : null)).ToArray(),
            };
        }
        if (tasks.HasFlag(AnalysisTasks.Classify))
        {
            _classifier ??= new ImageClassifier(store);
            result = result with
            {
                Classes = _classifier.Classify(image.Pixels, TopClasses).Select(c => new ClassResult(c.Label, Round(c.Score))).ToArray(),
            };
        }
        if (tasks.HasFlag(AnalysisTasks.Objects))
        {
            _objects ??= new ObjectDetector(store);
            result = result with
            {
                Objects = _objects.Detect(image.Pixels)
                    .Select(o => new ObjectResult(o.Label, Round(o.Score), Round(ToOriginal(o.Box, image)))).ToArray(),
            };
        }
        if (tasks.HasFlag(AnalysisTasks.Ocr))
        {
            _ocr ??= new OcrReader(store);
            result = result with
            {
                Text = _ocr.Read(image.Pixels).Lines
                    .Select(l => new TextLineResult(l.Text, Round(l.Confidence),
                        l.Polygon.Select(p => new PointResult(MathF.Round(p.X * image.ScaleX, 1), MathF.Round(p.Y * image.ScaleY, 1))).ToArray()))
                    .ToArray(),
            };
        }
        return result;
    }

    /// <summary>As the Preprocessor labels: a face needs YuNet's confirmation (animals fool UltraFace), on the same working copy.</summary>
    private string Label(IReadOnlyList<FaceDetection> faces, Imaging.PixelBuffer pixels)
    {
        if (ImageKindLabeller.Label(faces, pixels.Width, pixels.Height) != ImageKindLabeller.Face)
        {
            return ImageKindLabeller.Object;
        }

        IFaceDetector confirmer = _faces as YuNetDetector ?? (_confirmer ??= new YuNetDetector(store));
        return ConfirmedFaceLabeller.Label(faces, confirmer.Detect(pixels), pixels.Width, pixels.Height);
    }

    public void Dispose()
    {
        _faces?.Dispose();
        _confirmer?.Dispose();
        _classifier?.Dispose();
        _objects?.Dispose();
        _embedder?.Dispose();
        _ocr?.Dispose();
    }

    private static Box ToOriginal(Box box, WorkingImage image) =>
        new(box.X * image.ScaleX, box.Y * image.ScaleY, box.Width * image.ScaleX, box.Height * image.ScaleY);

    private static BoxResult Round(Box box) =>
        new(MathF.Round(box.X, 1), MathF.Round(box.Y, 1), MathF.Round(box.Width, 1), MathF.Round(box.Height, 1));

    private static float Round(float value) => MathF.Round(value, 5);
}
