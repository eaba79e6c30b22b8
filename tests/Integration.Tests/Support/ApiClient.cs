using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>Small typed wrapper over the Api for the tests and their polling.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly string[] Terminal = ["completed", "failed"];

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostFilesAsync(params (string FileName, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, data) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return http.PostAsync("/api/v1/images", form);
    }

    public async Task<UploadResult> UploadAsync(params (string FileName, byte[] Data)[] files)
    {
        using var response = await PostFilesAsync(files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
    }

    public async Task<ImageView> GetImageAsync(Guid id) =>
        (await http.GetFromJsonAsync<ImageView>($"/api/v1/images/{id}", Json.Options))!;

    /// <summary>Polls until the image is completed or failed; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ImageView> WaitForTerminalAsync(Guid id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var image = await GetImageAsync(id);
            if (Terminal.Contains(image.Status))
            {
                return image;
            }

            Assert.True(DateTime.UtcNow < deadline, $"image {id} still '{image.Status}' after {timeout}");
            await Task.Delay(250);
        }
    }

    /// <summary>One image at a time, so polling stays light on a small machine; the deadline covers them all.</summary>
    public async Task<IReadOnlyList<ImageView>> WaitForTerminalAsync(IEnumerable<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var results = new List<ImageView>();
        foreach (var id in ids)
        {
            var left = deadline - DateTime.UtcNow;
            results.Add(await WaitForTerminalAsync(id, left > TimeSpan.Zero ? left : TimeSpan.Zero));
        }

        return results;
    }
}

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
