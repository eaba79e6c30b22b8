using System.Text.Json.Nodes;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>POST /api/v1/detect-faces through the real Api, with both detectors.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class DetectFacesEndpointTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    [Fact]
    public async Task YuNet_finds_the_eight_children_each_with_five_landmarks_inside_the_face()
    {
        var (body, _) = await _api.ProcessAsync("/api/v1/detect-faces?detector=yunet", TestImages.Bytes("faces_group_children.jpg"));
        var result = JsonNode.Parse(body)!;

        Assert.Equal("yunet", result["detector"]!.GetValue<string>());
        Assert.Equal("yunet-2023mar", result["model"]!["id"]!.GetValue<string>());
        var faces = result["faces"]!.AsArray();
        Assert.True(faces.Count >= 8, $"{faces.Count} faces");
        foreach (var face in faces)
        {
            var box = face!["box"]!;
            var (x, y, w, h) = (box["x"]!.GetValue<float>(), box["y"]!.GetValue<float>(), box["width"]!.GetValue<float>(), box["height"]!.GetValue<float>());
            var landmarks = face["landmarks"]!.AsArray();
            Assert.Equal(5, landmarks.Count);
            Assert.All(landmarks, point =>
            {
                var (px, py) = (point!["x"]!.GetValue<float>(), point["y"]!.GetValue<float>());
                Assert.True(px >= x - (0.1f * w) && px <= x + (1.1f * w) && py >= y - (0.1f * h) && py <= y + (1.1f * h),
                    $"landmark {px},{py} outside the face {x},{y} {w}x{h}");
            });
        }
    }

    [Fact]
    public async Task UltraFace_finds_faces_without_landmarks()
    {
        var (body, _) = await _api.ProcessAsync("/api/v1/detect-faces?detector=ultraface", TestImages.Bytes("faces_two_handshake.jpg"));
        var result = JsonNode.Parse(body)!;

        Assert.Equal("ultraface-rfb-320", result["model"]!["id"]!.GetValue<string>());
        var faces = result["faces"]!.AsArray();
        Assert.Equal(2, faces.Count);
        Assert.All(faces, face => Assert.False(face!.AsObject().ContainsKey("landmarks")));
    }
}
