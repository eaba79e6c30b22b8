using System.Text.Json;

namespace VisionAspire.Shared;

/// <summary>
/// The payload of an "upload" job: which image each item index stands for. The Api writes it;
/// the Preprocessor and workers read it to complete the item of the image they finished.
/// </summary>
public sealed record UploadJobPayload(IReadOnlyList<UploadJobItem> Items)
{
    public const string JobType = "upload";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The item index of <paramref name="imageId"/>, or null when the payload does not list it.</summary>
    public static int? IndexOf(string? payloadJson, Guid imageId)
    {
        if (string.IsNullOrEmpty(payloadJson))
        {
            return null;
        }

        var payload = JsonSerializer.Deserialize<UploadJobPayload>(payloadJson, Json);
        return payload?.Items.FirstOrDefault(i => i.ImageId == imageId)?.Index;
    }
}

public sealed record UploadJobItem(int Index, Guid ImageId, string FileName);
