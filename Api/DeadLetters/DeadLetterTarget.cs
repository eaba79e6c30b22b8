using System.Text.Json;

namespace VisionAspire.Api.DeadLetters;

/// <summary>
/// The image and job item a dead-lettered message was about, read from its JSON body whatever its type (every
/// message names its image as <c>imageId</c>; upload and inference messages name the job item <c>jobItemIndex</c>,
/// processing requests <c>itemIndex</c>). Empty when the body is not such JSON.
/// </summary>
public sealed record DeadLetterTarget(Guid? ImageId, Guid? JobId, int? ItemIndex)
{
    public static readonly DeadLetterTarget None = new(null, null, null);

    public static DeadLetterTarget Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var root = document.RootElement;
            return new DeadLetterTarget(
                Guid(root, "imageId"),
                Guid(root, "jobId"),
                Int(root, "jobItemIndex") ?? Int(root, "itemIndex"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static Guid? Guid(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id) ? id : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
