using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>Calls the operation endpoints the way a client would: multipart uploads, query parameters, JSON.</summary>
public sealed class OperationsClient(HttpClient http)
{
    public HttpClient Http => http;

    public static MultipartFormDataContent Form(byte[] image, string fileName = "image.jpg")
    {
        var part = new ByteArrayContent(image);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { part, "file", fileName } };
    }

    public Task<HttpResponseMessage> PostImageAsync(string pathAndQuery, byte[] image, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = Form(image) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return http.SendAsync(request);
    }

    /// <summary>Posts and requires 200, returning the body bytes.</summary>
    public async Task<(byte[] Body, HttpResponseMessage Response)> ProcessAsync(string pathAndQuery, byte[] image, string? accept = null)
    {
        var response = await PostImageAsync(pathAndQuery, image, accept);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{pathAndQuery} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return (body, response);
    }

    public async Task<JsonObject> InfoAsync(byte[] image)
    {
        var (body, _) = await ProcessAsync("/api/v1/image-info", image);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<Guid> UploadAsync(byte[] image, string fileName = "image.jpg")
    {
        using var response = await http.PostAsync("/api/v1/images", Form(image, fileName));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        return Guid.Parse(JsonNode.Parse(body)!["images"]![0]!["id"]!.GetValue<string>());
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls GET <paramref name="path"/> until progress shows every item finished.</summary>
    public async Task<JsonObject> WaitForJobAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetJsonAsync(path);
            var progress = job["progress"]!;
            if (progress["done"]!.GetValue<int>() + progress["failed"]!.GetValue<int>() == progress["total"]!.GetValue<int>())
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} unfinished after {timeout}: {job.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
