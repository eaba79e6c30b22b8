namespace VisionAspire.Contracts;

/// <summary>Lifecycle of an uploaded image, as stored in Postgres and shown by the Api.</summary>
public static class ImageStatus
{
    public const string Uploaded = "uploaded";
    public const string Preprocessing = "preprocessing";
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Uploaded, Preprocessing, Queued, Processing, Completed, Failed];
}
