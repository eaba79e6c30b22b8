namespace VisionAspire.Integration.Tests.Support;

// The Api's JSON, as a client sees it (web defaults: camelCase).
public sealed record Links(string Self, string Content, string Job, Dictionary<string, string>? Processed);

public sealed record UploadedImage(Guid Id, string Status, bool Duplicate, Links Links, List<string>? Tasks);

public sealed record UploadResult(Guid JobId, List<UploadedImage> Images);

/// <summary>A prediction row; <see cref="Payload"/>: its detail (boxes, matches), absent for embeddings.</summary>
public sealed record Prediction(string Task, string? Label, float? Confidence, string Model, string ModelVersion, System.Text.Json.JsonElement? Payload = null);

public sealed record TaskResult(string Task, List<Prediction> Predictions, string? Processed);

public sealed record ImageView(
    Guid Id, string Status, string? Kind, int? Width, int? Height, int Faces, List<Prediction> Predictions, string? Error,
    Links Links, List<string>? Tasks, List<TaskResult> Results);

public sealed record ImagePage(int Page, int Limit, long Total, List<ImageView> Items);

public sealed record JobProgress(int Total, int Done, int Failed, double Fraction);

public sealed record JobEventView(string Status, string? Message, DateTimeOffset At);

public sealed record JobView(Guid Id, string Status, JobProgress Progress, List<JobEventView> History);

public sealed record Problem(string? Type, string? Title, int? Status, string? Detail);
