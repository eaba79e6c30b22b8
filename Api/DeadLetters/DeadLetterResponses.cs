namespace VisionAspire.Api.DeadLetters;

public sealed record DeadLetterResponse(
    Guid Id,
    string MessageId,
    string Queue,
    string? MessageType,
    Guid? ImageId,
    string Reason,
    int Attempts,
    DateTimeOffset FirstFailureAt,
    DateTimeOffset LastFailureAt,
    string Status,
    DateTimeOffset? SettledAt);

public sealed record DeadLetterPageResponse(int Page, int Limit, long Total, IReadOnlyList<DeadLetterResponse> Items);
