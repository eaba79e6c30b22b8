namespace VisionAspire.Operations.Tests.Api;

/// <summary>The AI endpoints are in the OpenAPI document with their parameters, examples and blur's headers.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class AiOpenApiTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Fact]
    public async Task Every_ai_endpoint_is_documented_with_an_example()
    {
        var paths = (await _api.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject();

        foreach (var (path, parameter) in new[]
        {
            ("/api/v1/detect-objects", "classes"), ("/api/v1/detect-faces", "detector"), ("/api/v1/classify", "top"),
            ("/api/v1/blur", "targets"), ("/api/v1/ocr", "imageId"), ("/api/v1/recognize", "threshold"),
        })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
            var post = paths[path]!["post"]!;
            Assert.False(string.IsNullOrEmpty(post["description"]?.GetValue<string>()), path);
            var names = post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.Contains(parameter, names);
            Assert.Contains("imageId", names);
            Assert.NotNull(post["requestBody"]!["content"]!["multipart/form-data"]);
            Assert.NotNull(post["responses"]!["200"]!["content"]!["application/json"]!["example"]);
            Assert.NotNull(post["responses"]!["400"]);
        }

        var blur = paths["/api/v1/blur"]!["post"]!["responses"]!["200"]!;
        Assert.NotNull(blur["content"]!["image/jpeg"]);
        Assert.NotNull(blur["headers"]!["X-Blurred-Regions"]);
        var ocrExample = paths["/api/v1/ocr"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal(4, ocrExample["lines"]![0]!["polygon"]!.AsArray().Count);
        var classes = paths["/api/v1/detect-objects"]!["post"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "classes")!;
        Assert.Equal("array", classes["schema"]!["type"]!.GetValue<string>());
    }
}
