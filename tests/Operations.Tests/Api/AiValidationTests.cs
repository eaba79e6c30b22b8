using System.Net;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>The AI endpoints refuse bad parameters and bad images with the operations' problem details.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class AiValidationTests(OperationsAppFixture fixture)
{
    private static readonly byte[] Bus = TestImages.Bytes("bus.jpg");

    private readonly OperationsClient _api = new(fixture.Http);

    [Theory]
    [InlineData("/api/v1/detect-objects?classes=car,spaceship", "classes", "spaceship")]
    [InlineData("/api/v1/detect-objects?minScore=1.5", "minScore", "from 0 to 1")]
    [InlineData("/api/v1/detect-objects?minScore=-0.1", "minScore", "from 0 to 1")]
    [InlineData("/api/v1/detect-faces?detector=haar", "detector", "yunet, ultraface")]
    [InlineData("/api/v1/classify?top=0", "top", "from 1 to 20")]
    [InlineData("/api/v1/classify?top=21", "top", "from 1 to 20")]
    [InlineData("/api/v1/blur?targets=faces,cats", "targets", "faces, plates")]
    [InlineData("/api/v1/blur?strength=0", "strength", "from 1 to 100")]
    [InlineData("/api/v1/blur?mode=swirl", "mode", "gaussian, pixelate")]
    [InlineData("/api/v1/blur?strip=false", "strip", "is not a parameter of blur")]
    [InlineData("/api/v1/classify?topk=3", "topk", "is not a parameter of classify")]
    [InlineData("/api/v1/ocr?lang=en", "lang", "ocr takes no parameters")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string field, string expected)
    {
        using var response = await _api.PostImageAsync(path, Bus);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await OperationsClient.ProblemAsync(response);
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("/api/v1/detect-objects")]
    [InlineData("/api/v1/detect-faces")]
    [InlineData("/api/v1/classify")]
    [InlineData("/api/v1/blur")]
    [InlineData("/api/v1/ocr")]
    public async Task A_truncated_image_is_422_and_text_415(string path)
    {
        using var truncated = await _api.PostImageAsync(path, Bus[..(Bus.Length / 2)]);
        using var text = await _api.PostImageAsync(path, "not an image at all"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, truncated.StatusCode);
        await OperationsClient.ProblemAsync(truncated);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await OperationsClient.ProblemAsync(text);
    }

    [Theory]
    [InlineData("/api/v1/detect-objects")]
    [InlineData("/api/v1/detect-faces")]
    [InlineData("/api/v1/classify")]
    [InlineData("/api/v1/blur")]
    [InlineData("/api/v1/ocr")]
    public async Task An_unknown_image_id_is_404_and_no_input_400(string path)
    {
        using var unknown = await _api.Http.PostAsync($"{path}?imageId={Guid.NewGuid()}", null);
        using var missing = await _api.Http.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await OperationsClient.ProblemAsync(unknown);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(missing))["errors"]!["file"]);
    }

    [Fact]
    public async Task A_stored_image_is_read_by_its_id()
    {
        var id = await _api.UploadAsync(Bus, "bus.jpg");

        using var response = await _api.Http.PostAsync($"/api/v1/detect-objects?imageId={id}&classes=bus", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("bus", System.Text.Json.Nodes.JsonNode.Parse(body)!["objects"]![0]!["label"]!.GetValue<string>());
    }
}
