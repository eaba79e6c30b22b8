namespace VisionAspire.Data;

/// <summary>One model output for an image; <see cref="PayloadJson"/> holds task-specific detail (boxes, embeddings, top-k).</summary>
public sealed record PredictionRecord(
    Guid ImageId,
    string Task,
    string Model,
    string ModelVersion,
    string? Label,
    float? Confidence,
    string? PayloadJson,
    double PredictionTimeMs);
