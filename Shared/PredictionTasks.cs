namespace VisionAspire.Shared;

/// <summary>Values of predictions.task written by the workers and read by the Api.</summary>
public static class PredictionTasks
{
    public const string FaceDetection = "face-detection";
    public const string FaceEmbedding = "face-embedding";
    public const string Classification = "classification";
    public const string Cifar10 = "cifar10";
    public const string ObjectDetection = "object-detection";
}
