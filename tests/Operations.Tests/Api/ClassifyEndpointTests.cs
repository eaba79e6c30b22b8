using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>POST /api/v1/classify through the real Api.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class ClassifyEndpointTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public async Task Answers_top_k_sorted_with_the_cifar10_label_of_the_top_5(int top)
    {
        var (body, _) = await _api.ProcessAsync($"/api/v1/classify?top={top}", TestImages.Bytes("car_plate_bmw.jpg"));
        var result = JsonNode.Parse(body)!;

        var ranked = result["top"]!.AsArray();
        Assert.Equal(top, ranked.Count);
        var scores = ranked.Select(c => c!["score"]!.GetValue<float>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal("sports car", ranked[0]!["label"]!.GetValue<string>().Split(',')[0]);
        Assert.Equal("automobile", result["cifar10"]!["label"]!.GetValue<string>());
        Assert.Equal("squeezenet1.0-fp16", result["model"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bear_is_a_brown_bear_and_none_of_the_cifar10_classes()
    {
        var (body, _) = await _api.ProcessAsync("/api/v1/classify", TestImages.Bytes("bear_coco285.jpg"));
        var result = JsonNode.Parse(body)!;

        Assert.Equal(5, result["top"]!.AsArray().Count);
        Assert.StartsWith("brown bear", result["top"]![0]!["label"]!.GetValue<string>());
        Assert.Equal("none", result["cifar10"]!["label"]!.GetValue<string>());
    }
}
