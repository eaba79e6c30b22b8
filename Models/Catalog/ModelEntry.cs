namespace VisionAspire.Models;

/// <summary>One model of the catalog: what it is, where its file lives and how to feed it.</summary>
public sealed record ModelEntry(
    string Id,
    string Version,
    string Task,
    string File,
    string Sha256,
    long SizeBytes,
    string SourceUrl,
    string Licence,
    ModelInputSpec Input,
    LabelsFile? Labels);

/// <summary>The tensor a model expects and how pixels become that tensor. Dynamic dimensions are -1.</summary>
public sealed record ModelInputSpec(
    string Name,
    IReadOnlyList<long> Shape,
    string ElementType,
    string Layout,
    string Colour,
    string Normalisation,
    string Resize);

/// <summary>A class-name file, one label per line (line k = class k).</summary>
public sealed record LabelsFile(string File, string Sha256, string SourceUrl, string? Derivation = null);

/// <summary>Task names used in the catalog.</summary>
public static class ModelTasks
{
    public const string FaceDetection = "face-detection";
    public const string FaceEmbedding = "face-embedding";
    public const string ObjectDetection = "object-detection";
    public const string ImageClassification = "image-classification";
    public const string TextDetection = "text-detection";
    public const string TextRecognition = "text-recognition";
    public const string TextOrientation = "text-orientation";
}
