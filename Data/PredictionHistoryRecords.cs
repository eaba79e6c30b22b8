namespace VisionAspire.Data;

/// <summary>One stored prediction row as the history shows it.</summary>
public sealed record PredictionEntry(
    long Id,
    Guid ImageId,
    string Task,
    string? Label,
    float? Confidence,
    string Model,
    string ModelVersion,
    double PredictionTimeMs,
    DateTimeOffset CreatedAt);

/// <summary>
/// A page of one owner's predictions, newest first (one model run's rows in output order): <see cref="Task"/> (a predictions.task value) when given,
/// created at or after <see cref="From"/> and before <see cref="To"/> when given. <see cref="Page"/> starts at 1.
/// </summary>
public sealed record PredictionHistoryQuery(Guid OwnerId, int Page, int Limit, string? Task = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
