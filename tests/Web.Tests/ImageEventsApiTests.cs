using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;

namespace VisionAspire.Web.Tests;

/// <summary>GET /api/v1/images/events: the stream the web app follows, read as any SSE client would.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ImageEventsApiTests(WebAppFixture app)
{
    private static readonly string[] PipelineOrder = ["uploaded", "preprocessing", "queued", "processing", "completed"];

    [Fact]
    public async Task Stream_starts_with_the_current_status_follows_the_pipeline_in_order_and_ends_when_completed()
    {
        var id = await UploadAsync(UniqueImages.WithTag(SharedImages.Bytes("bus.jpg"), Guid.NewGuid().ToString("N")));

        using var response = await app.Api.GetAsync($"/api/v1/images/events?ids={id}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var statuses = new List<string>();
        await using var body = await response.Content.ReadAsStreamAsync();
        // The server ends the stream once every image is finished; reading to its end is the assertion that it does.
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            Assert.Equal("status", item.EventType);
            using var json = JsonDocument.Parse(item.Data);
            Assert.Equal(id, json.RootElement.GetProperty("id").GetGuid());
            statuses.Add(json.RootElement.GetProperty("status").GetString()!);
        }

        Assert.Equal("completed", statuses[^1]);
        Assert.Equal(statuses.Distinct(), statuses);
        Assert.Equal(statuses, statuses.OrderBy(s => Array.IndexOf(PipelineOrder, s)));
    }

    [Fact]
    public async Task Ids_that_are_missing_malformed_or_unknown_are_a_validation_problem()
    {
        foreach (var query in new[] { "", "?ids=", "?ids=not-a-guid", $"?ids={Guid.NewGuid()}" })
        {
            using var response = await app.Api.GetAsync($"/api/v1/images/events{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<Guid> UploadAsync(byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", "bus.jpg");
        using var response = await app.Api.PostAsync("/api/v1/images", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("images")[0].GetProperty("id").GetGuid();
    }
}
