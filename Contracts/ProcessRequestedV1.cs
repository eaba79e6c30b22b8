namespace VisionAspire.Contracts;

/// <summary>Api → Workers.Gpu: run an ordered pipeline of image operations on one stored image (a pipeline or one batch item).</summary>
public sealed record ProcessRequestedV1(
    Guid JobId,
    int ItemIndex,
    Guid ImageId,
    string SourceKey,
    string OutputKey,
    IReadOnlyList<OperationSpecV1> Operations) : IMessage
{
    public static string MessageType => "image.process.requested.v1";
}

public sealed record OperationSpecV1(string Op, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Params);
