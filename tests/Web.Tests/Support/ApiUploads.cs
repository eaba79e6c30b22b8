using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace VisionAspire.Web.Tests.Support;

/// <summary>Uploads through the Api (not the browser), for tests of the pages that show what was uploaded.</summary>
public static class ApiUploads
{
    public static async Task<(Guid Image, Guid Job)> UploadAsync(HttpClient api, string fileName, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", fileName);
        using var response = await api.PostAsync("/api/v1/images", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("images")[0].GetProperty("id").GetGuid(), json.RootElement.GetProperty("jobId").GetGuid());
    }

    /// <summary>Reads the image's status stream to its end: the Api closes it once the image is completed or failed.</summary>
    public static async Task WaitUntilCompletedAsync(HttpClient api, Guid imageId)
    {
        using var response = await api.GetAsync($"/api/v1/images/events?ids={imageId}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        string? last = null;
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            last = JsonDocument.Parse(item.Data).RootElement.GetProperty("status").GetString();
        }

        Assert.Equal("completed", last);
    }
}
