using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>POST /api/v1/detect-objects through the real Api, on the shared photos.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class DetectObjectsEndpointTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Fact]
    public async Task Finds_the_bus_in_bus_jpg_with_its_box_in_original_pixels()
    {
        var result = await DetectAsync("/api/v1/detect-objects", "bus.jpg");

        Assert.Equal((810, 1080), (result["width"]!.GetValue<int>(), result["height"]!.GetValue<int>()));
        var bus = Objects(result).Single(o => o["label"]!.GetValue<string>() == "bus");
        Assert.Equal(5, bus["classId"]!.GetValue<int>());
        Assert.True(bus["score"]!.GetValue<float>() > 0.8f);
        var box = Box(bus);
        // The bus spans the photo's width: on the 640 px working copy it would be at most 480 px wide.
        Assert.True(box.Width > 700 && box.X >= 0 && box.X + box.Width <= 811, $"bus box {box}");
        Assert.Contains(Objects(result), o => o["label"]!.GetValue<string>() == "person");
        var scores = Objects(result).Select(o => o["score"]!.GetValue<float>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Finds_the_car_in_car_plate_bmw_around_its_plate()
    {
        var result = await DetectAsync("/api/v1/detect-objects?classes=car", "car_plate_bmw.jpg");

        var car = Assert.Single(Objects(result));
        Assert.Equal("car", car["label"]!.GetValue<string>());
        var box = Box(car);
        // The plate, read by PP-OCR at [843,862]-[1225,953] (shared/images/README.md), lies on the car.
        Assert.True(box.X < 843 && box.Y < 862 && box.X + box.Width > 1225 && box.Y + box.Height > 953, $"car box {box}");
    }

    [Fact]
    public async Task Classes_and_min_score_filter_the_objects()
    {
        var all = Objects(await DetectAsync("/api/v1/detect-objects?minScore=0.1", "bus.jpg"));
        var people = Objects(await DetectAsync("/api/v1/detect-objects?classes=Person,%20bus&minScore=0.5", "bus.jpg"));

        Assert.NotEmpty(people);
        Assert.All(people, o => Assert.Contains(o["label"]!.GetValue<string>(), new[] { "person", "bus" }));
        Assert.All(people, o => Assert.True(o["score"]!.GetValue<float>() >= 0.5f));
        Assert.True(all.Count > people.Count);
    }

    private async Task<JsonObject> DetectAsync(string path, string photo)
    {
        var (body, _) = await _api.ProcessAsync(path, TestImages.Bytes(photo));
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<JsonNode> Objects(JsonObject result) => [.. result["objects"]!.AsArray().Select(o => o!)];

    private static (float X, float Y, float Width, float Height) Box(JsonNode item)
    {
        var box = item["box"]!;
        return (box["x"]!.GetValue<float>(), box["y"]!.GetValue<float>(), box["width"]!.GetValue<float>(), box["height"]!.GetValue<float>());
    }
}
