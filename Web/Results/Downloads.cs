using System.Text.Json;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Results;

public sealed record Download(string Name, string ApiPath)
{
    public string Url => ApiMedia.UrlFor(ApiPath);

    public bool IsBlurred => Name.Contains("blur", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The original and every processed output an image's JSON links to: any string under <c>links</c> or an
/// unknown top-level property that is an Api path, except the image's and its job's own JSON.
/// </summary>
public static class Downloads
{
    private static readonly HashSet<string> NotFiles = new(StringComparer.OrdinalIgnoreCase) { "self", "job" };

    public static IReadOnlyList<Download> Of(ImageDetails image)
    {
        var found = new List<Download>();
        foreach (var (name, value) in image.Links.Where(l => !NotFiles.Contains(l.Key)))
        {
            Collect(name, value, found);
        }

        foreach (var (name, value) in image.Extra ?? [])
        {
            Collect(name, value, found);
        }

        return found.DistinctBy(d => d.ApiPath).ToList();
    }

    private static void Collect(string name, JsonElement value, List<Download> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { } path && path.StartsWith("/api/v1/", StringComparison.Ordinal):
                found.Add(new Download(name, path));
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Collect(property.Name is "href" or "url" or "link" ? name : property.Name, property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                        ? n.GetString()! : name, item, found);
                }

                break;
        }
    }
}
