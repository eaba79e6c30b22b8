using VisionAspire.Data;

namespace VisionAspire.Api.DeadLetters;

/// <summary>A page of dead letters; each is returned as the operator's view the repository reads.</summary>
public sealed record DeadLetterPageResponse(int Page, int Limit, long Total, IReadOnlyList<DeadLetterRecord> Items);
