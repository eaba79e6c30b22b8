namespace VisionAspire.Web.History;

// GET /api/v1/predictions (issue 13 item 5): the signed-in person's predictions, newest first, a page at a time.

public sealed record PredictionRecord(
    long PredictionId,
    Guid ImageId,
    string Task,
    string? Label,
    float? Confidence,
    string Model,
    string ModelVersion,
    double? PredictionTimeMs,
    DateTimeOffset CreatedAt);

public sealed record PredictionHistoryPage(IReadOnlyList<PredictionRecord> Predictions, long Total, int Page, int Limit);
