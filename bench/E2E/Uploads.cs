using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionAspire.E2E;

/// <summary>One file per upload request, as a client of the Api would send it.</summary>
public static class Uploads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record UploadResult(Guid JobId, List<Uploaded> Images);

    private sealed record Uploaded(Guid Id);

    public static async Task<Guid> UploadAsync(HttpClient api, (string Name, byte[] Data) file, string path = "/api/v1/images")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file.Data);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", file.Name);
        using var response = await api.PostAsync(path, form);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<UploadResult>(Json);
        return result!.Images[0].Id;
    }
}
