using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionAspire.Imaging;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>Pipelines and batches: run on the workers, stored by spec, served from storage when repeated.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class PipelineTests(OperationsAppFixture fixture)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);
    private readonly OperationsClient _api = new(fixture.Http);

    private static JsonArray Spec(int width) =>
    [
        new JsonObject { ["op"] = "resize", ["params"] = new JsonObject { ["width"] = width } },
        new JsonObject { ["op"] = "filter", ["params"] = new JsonObject { ["type"] = "sharpen" } },
        new JsonObject { ["op"] = "convert", ["params"] = new JsonObject { ["format"] = "webp", ["quality"] = 80 } },
    ];

    [Fact]
    public async Task A_pipeline_runs_on_the_workers_and_a_repeat_is_served_from_storage()
    {
        var id = await _api.UploadAsync(TestImages.Bytes("zebra_coco1818.jpg"), "zebra.jpg");

        using var first = await _api.Http.PostAsJsonAsync($"/api/v1/images/{id}/process", Spec(321));
        var submitted = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("miss", first.Headers.GetValues("X-Cache").Single());
        Assert.False(submitted["cached"]!.GetValue<bool>());
        var jobId = submitted["jobId"]!.GetValue<string>();
        Assert.Equal($"/api/v1/jobs/{jobId}", first.Headers.Location?.OriginalString);

        var job = await _api.WaitForJobAsync($"/api/v1/batch/{jobId}", JobTimeout);
        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var result = job["items"]![0]!["result"]!;
        Assert.Equal(321, result["width"]!.GetValue<int>());
        Assert.Equal(submitted["links"]!["result"]!.GetValue<string>(), result["url"]!.GetValue<string>());

        using var image = await _api.Http.GetAsync(result["url"]!.GetValue<string>());
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/webp", image.Content.Headers.ContentType?.MediaType);
        using (var decoded = VipsImage.Load(bytes))
        {
            Assert.Equal(321, decoded.Width);
        }

        using var second = await _api.Http.PostAsJsonAsync($"/api/v1/images/{id}/process", Spec(321));
        var repeated = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("hit", second.Headers.GetValues("X-Cache").Single());
        Assert.True(repeated["cached"]!.GetValue<bool>());
        Assert.Null(repeated["jobId"]);
        Assert.Equal(submitted["resultKey"]!.GetValue<string>(), repeated["resultKey"]!.GetValue<string>());
        using var again = await _api.Http.GetAsync(repeated["links"]!["result"]!.GetValue<string>());
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());

        using var other = await _api.Http.PostAsJsonAsync($"/api/v1/images/{id}/process", Spec(322));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task A_batch_reports_progress_and_a_result_or_error_per_item()
    {
        var good = await _api.UploadAsync(TestImages.Bytes("green_apples_coco2149.jpg"), "apples.jpg");
        var faces = await _api.UploadAsync(TestImages.Bytes("faces_two_handshake.jpg"), "handshake.jpg");
        var bus = TestImages.Bytes("bus.jpg");
        var truncated = await _api.UploadAsync(bus[..(bus.Length / 2)], "truncated.jpg");
        var missing = Guid.NewGuid();
        var operations = new JsonArray
        {
            new JsonObject { ["op"] = "crop", ["params"] = new JsonObject { ["strategy"] = "faces", ["width"] = 200, ["height"] = 200 } },
            new JsonObject { ["op"] = "enhance", ["params"] = new JsonObject { ["contrast"] = 1.3 } },
        };

        using var response = await _api.Http.PostAsJsonAsync("/api/v1/batch",
            new JsonObject { ["imageIds"] = new JsonArray(good.ToString(), faces.ToString(), truncated.ToString(), missing.ToString()), ["operations"] = operations });
        var batch = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(4, batch["total"]!.GetValue<int>());
        var jobId = batch["jobId"]!.GetValue<string>();

        var job = await _api.WaitForJobAsync($"/api/v1/jobs/{jobId}", JobTimeout);
        Assert.Equal(4, job["progress"]!["total"]!.GetValue<int>());
        Assert.Equal(2, job["progress"]!["done"]!.GetValue<int>());
        Assert.Equal(2, job["progress"]!["failed"]!.GetValue<int>());
        var items = job["items"]!.AsArray();
        Assert.Equal(["completed", "completed", "failed", "failed"], items.Select(i => i!["status"]!.GetValue<string>()));
        Assert.Null(items[0]!["error"]);
        Assert.False(string.IsNullOrEmpty(items[2]!["error"]?.GetValue<string>()));
        Assert.Contains(missing.ToString(), items[3]!["error"]!.GetValue<string>());
        Assert.All(items.Take(2), item => Assert.StartsWith("/api/v1/processed/", item!["result"]!["url"]!.GetValue<string>()));
        Assert.Null(items[2]!["result"]);

        var details = await _api.GetJsonAsync($"/api/v1/batch/{jobId}");
        foreach (var item in details["items"]!.AsArray().Take(2))
        {
            var url = item!["result"]!["url"]!.GetValue<string>();
            using var image = await _api.Http.GetAsync(url);
            using var decoded = VipsImage.Load(await image.Content.ReadAsByteArrayAsync());
            Assert.Equal((200, 200), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task Invalid_pipelines_are_400_naming_the_operation_field_and_unknown_images_404()
    {
        var id = await _api.UploadAsync(TestImages.Bytes("living_room_coco139.jpg"), "room.jpg");
        var tooMany = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["op"] = "filter", ["params"] = new JsonObject { ["type"] = "emboss" } })]);
        var badSigma = new JsonArray(new JsonObject { ["op"] = "filter", ["params"] = new JsonObject { ["type"] = "gaussian-blur", ["sigma"] = -1 } });

        using var tooManyResponse = await _api.Http.PostAsJsonAsync($"/api/v1/images/{id}/process", tooMany);
        using var badSigmaResponse = await _api.Http.PostAsJsonAsync($"/api/v1/images/{id}/process", badSigma);
        using var unknown = await _api.Http.PostAsJsonAsync($"/api/v1/images/{Guid.NewGuid()}/process", Spec(100));
        using var emptyBatch = await _api.Http.PostAsJsonAsync("/api/v1/batch", new JsonObject { ["imageIds"] = new JsonArray(), ["operations"] = Spec(10) });

        Assert.Equal(HttpStatusCode.BadRequest, tooManyResponse.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(tooManyResponse))["errors"]!["operations"]);
        Assert.Equal(HttpStatusCode.BadRequest, badSigmaResponse.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(badSigmaResponse))["errors"]!["operations[0].params.sigma"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyBatch.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(emptyBatch))["errors"]!["imageIds"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_operation_endpoint()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[] { "/api/v1/resize", "/api/v1/crop", "/api/v1/filter", "/api/v1/enhance", "/api/v1/convert", "/api/v1/image-info", "/api/v1/images/{id}/process", "/api/v1/batch", "/api/v1/batch/{id}", "/api/v1/processed/{hash}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        }

        var resize = paths["/api/v1/resize"]!["post"]!;
        Assert.False(string.IsNullOrEmpty(resize["description"]?.GetValue<string>()));
        var width = resize["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "width")!;
        Assert.Contains("8192", width["schema"]!["maximum"]!.ToJsonString());
        Assert.Contains("from 1 to 8192", width["description"]!.GetValue<string>());
    }
}
