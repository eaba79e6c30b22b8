using System.Text.Json.Nodes;
using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>POST /api/v1/ocr through the real Api, on the shared OCR image.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class OcrEndpointTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Fact]
    public async Task Reads_ocr_testocr_png_with_at_least_99_percent_character_accuracy()
    {
        var (body, _) = await _api.ProcessAsync("/api/v1/ocr", TestImages.Bytes("ocr_testocr.png"));

        var result = JsonNode.Parse(body)!;
        var text = result["text"]!.GetValue<string>();
        var accuracy = OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, text);
        Assert.True(accuracy >= 0.99, $"accuracy {accuracy:F4}, read:\n{text}");
        var lines = result["lines"]!.AsArray();
        Assert.Equal(8, lines.Count);
        Assert.Equal(text, string.Join('\n', lines.Select(l => l!["text"]!.GetValue<string>())));
        Assert.All(lines, line =>
        {
            Assert.InRange(line!["confidence"]!.GetValue<float>(), 0.9f, 1f);
            var polygon = line["polygon"]!.AsArray().Select(p => (X: p!["x"]!.GetValue<float>(), Y: p["y"]!.GetValue<float>())).ToList();
            Assert.Equal(4, polygon.Count);
            Assert.All(polygon, p => Assert.True(p.X is >= 0 and < 640 && p.Y is >= 0 and < 480, $"{p} lies outside the 640x480 image"));
        });
        // MANIFEST section 6: the first line's box is [[36,91],[579,92],[579,119],[36,118]].
        var first = lines[0]!["polygon"]![0]!;
        Assert.InRange(first["x"]!.GetValue<float>(), 33, 39);
        Assert.InRange(first["y"]!.GetValue<float>(), 88, 94);
    }

    [Fact]
    public async Task A_stored_image_is_read_by_its_id()
    {
        var id = await _api.UploadAsync(TestImages.Bytes("ocr_testocr.png"), "ocr_testocr.png");

        using var response = await _api.Http.PostAsync($"/api/v1/ocr?imageId={id}", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.StartsWith("This is a lot of 12 point text", JsonNode.Parse(body)!["text"]!.GetValue<string>());
    }
}
