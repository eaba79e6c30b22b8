namespace VisionAspire.Api.Operations;

/// <summary>A request the operation endpoints refuse before processing; becomes a problem details response.</summary>
public sealed class OperationRequestException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
