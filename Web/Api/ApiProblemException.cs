using System.Net;
using System.Text.Json;

namespace VisionAspire.Web.Api;

/// <summary>A failed Api call, carrying the problem-details text the Api sent (title, detail, field errors).</summary>
public sealed class ApiProblemException(HttpStatusCode status, string title, string? detail) : Exception(detail ?? title)
{
    public HttpStatusCode Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>Title and detail as one sentence for the page.</summary>
    public string Text => Detail is null ? Title : $"{Title.TrimEnd('.')}: {Detail}";

    public static async Task<ApiProblemException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var fallback = $"The Api answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = json.RootElement;
            var title = StringOf(root, "title") ?? fallback;
            var detail = StringOf(root, "detail");
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var messages = errors.EnumerateObject()
                    .Where(field => field.Value.ValueKind == JsonValueKind.Array)
                    .SelectMany(field => field.Value.EnumerateArray().Select(m => $"{field.Name}: {m.GetString()}"));
                detail = string.Join(" ", new[] { detail }.Concat(messages).Where(m => !string.IsNullOrEmpty(m)));
            }

            return new ApiProblemException(response.StatusCode, title, string.IsNullOrEmpty(detail) ? null : detail);
        }
        catch (JsonException)
        {
            return new ApiProblemException(response.StatusCode, fallback, null);
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
