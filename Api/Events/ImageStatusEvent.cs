namespace VisionAspire.Api.Events;

/// <summary>An image's status at <paramref name="UpdatedAt"/>, as sent on the image_status channel and to SSE clients.</summary>
public sealed record ImageStatusEvent(Guid Id, string Status, string? Kind, string? Error, DateTimeOffset UpdatedAt);
