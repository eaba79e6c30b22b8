using System.Text.Json;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// The wire format of every message: System.Text.Json web defaults (camelCase), strict about missing
/// constructor parameters and nulls in non-nullable members so a malformed body fails to decode instead of
/// producing a half-empty record.
/// </summary>
public static class MessageJson
{
    public const string ContentType = "application/json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static byte[] Serialize<T>(T message) where T : IMessage =>
        JsonSerializer.SerializeToUtf8Bytes(message, Options);

    /// <summary>Decodes <paramref name="body"/>, or returns null with the reason it is not a valid <typeparamref name="T"/>.</summary>
    public static T? TryDeserialize<T>(ReadOnlySpan<byte> body, out string? error) where T : IMessage
    {
        try
        {
            var message = JsonSerializer.Deserialize<T>(body, Options);
            error = message is null ? "body is JSON null" : null;
            return message;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return default;
        }
    }
}
