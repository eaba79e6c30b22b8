namespace VisionAspire.Models.Tests;

/// <summary>One set of pipelines for the whole test run (sessions are thread-safe and costly to load).</summary>
public sealed class PipelinesFixture : IDisposable
{
    public PipelinesFixture()
    {
        Store = ModelStore.CreateDefault();
        UltraFace = new UltraFaceDetector(Store);
        YuNet = new YuNetDetector(Store);
        YuNetDynamic = new YuNetDetector(Store, "yunet-s-dynamic");
        Classifier = new ImageClassifier(Store);
        Objects = new ObjectDetector(Store);
        Embedder = new FaceEmbedder(Store);
        Ocr = new OcrReader(Store);
        Plates = new PlateLocator(Objects, Ocr.Detector, Ocr.Recognizer);
    }

    public ModelStore Store { get; }
    public UltraFaceDetector UltraFace { get; }
    public YuNetDetector YuNet { get; }
    public YuNetDetector YuNetDynamic { get; }
    public ImageClassifier Classifier { get; }
    public ObjectDetector Objects { get; }
    public FaceEmbedder Embedder { get; }
    public OcrReader Ocr { get; }
    public PlateLocator Plates { get; }

    public IFaceDetector Detector(string name) => name switch
    {
        "ultraface" => UltraFace,
        "yunet" => YuNet,
        "yunet-dynamic" => YuNetDynamic,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public void Dispose()
    {
        UltraFace.Dispose();
        YuNet.Dispose();
        YuNetDynamic.Dispose();
        Classifier.Dispose();
        Objects.Dispose();
        Embedder.Dispose();
        Ocr.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PipelinesCollection : ICollectionFixture<PipelinesFixture>
{
    public const string Name = "pipelines";
}
