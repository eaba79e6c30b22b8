namespace VisionAspire.Data;

/// <summary>What an operator sees of a dead-lettered message (the body is read only to retry it).</summary>
public sealed record DeadLetterRecord(
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

/// <summary>A dead letter to record.</summary>
public sealed record NewDeadLetter(
    string MessageId,
    string Queue,
    string? MessageType,
    string? ContentType,
    Guid? ImageId,
    string Reason,
    int Attempts,
    DateTimeOffset FirstFailureAt,
    DateTimeOffset LastFailureAt,
    byte[] Body);

/// <summary>A dead letter taken out of <c>pending</c> to be published again.</summary>
public sealed record DeadLetterToRetry(DeadLetterRecord Record, string? ContentType, byte[] Body);

public static class DeadLetterStatus
{
    public const string Pending = "pending";
    public const string Retried = "retried";
    public const string Discarded = "discarded";

    public static readonly IReadOnlyList<string> All = [Pending, Retried, Discarded];
}
