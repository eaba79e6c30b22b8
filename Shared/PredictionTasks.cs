using VisionAspire.Contracts;

namespace VisionAspire.Shared;

/// <summary>Values of predictions.task written by the workers and read by the Api, and the upload task each belongs to.</summary>
public static class PredictionTasks
{
    public const string FaceDetection = "face-detection";
    public const string FaceEmbedding = "face-embedding";
    public const string FaceRecognition = "face-recognition";
    public const string Classification = "classification";
    public const string Cifar10 = "cifar10";
    public const string ObjectDetection = "object-detection";
    public const string TextLine = "text-line";
    public const string BlurredRegion = "blurred-region";

    private static readonly Dictionary<string, string> ImageTaskOfPrediction = new(StringComparer.Ordinal)
    {
        [FaceDetection] = ImageTasks.Faces,
        [FaceEmbedding] = ImageTasks.Faces,
        [FaceRecognition] = ImageTasks.Recognize,
        [Classification] = ImageTasks.Classify,
        [Cifar10] = ImageTasks.Classify,
        [ObjectDetection] = ImageTasks.Objects,
        [TextLine] = ImageTasks.Ocr,
        [BlurredRegion] = ImageTasks.Blur,
    };

    /// <summary>Every predictions.task value this build writes.</summary>
    public static IReadOnlyCollection<string> All => ImageTaskOfPrediction.Keys;

    /// <summary>The upload task (ImageTasks) that writes rows of <paramref name="predictionTask"/>, or null for one this build does not know.</summary>
    public static string? ImageTaskOf(string predictionTask) => ImageTaskOfPrediction.GetValueOrDefault(predictionTask);
}
