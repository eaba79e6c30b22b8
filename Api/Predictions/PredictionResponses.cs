namespace VisionAspire.Api.Predictions;

/// <summary>One stored model output: a row of the prediction history.</summary>
public sealed record PredictionItemResponse(
    long PredictionId,
    Guid ImageId,
    string Task,
    string? Label,
    float? Confidence,
    string Model,
    string ModelVersion,
    double PredictionTimeMs,
    DateTimeOffset CreatedAt);

/// <summary>A page of the history, newest first; <see cref="Total"/> counts every matching prediction.</summary>
public sealed record PredictionPageResponse(IReadOnlyList<PredictionItemResponse> Predictions, long Total, int Page, int Limit);

/// <summary>
/// POST /api/v1/predict, in the shape classification-service clients know: the top ImageNet class of the stored image's
/// classification, its probability, and the model run's time in milliseconds.
/// </summary>
public sealed record PredictResponse(long PredictionId, Guid ImageId, string PredictedClass, float ConfidenceScore, double PredictionTimeMs, string ModelVersion);
