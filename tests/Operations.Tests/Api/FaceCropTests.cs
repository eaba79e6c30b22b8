using System.Globalization;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>crop strategy=faces keeps every face the detector finds inside the crop, on the shared face photos.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class FaceCropTests(OperationsAppFixture fixture) : IDisposable
{
    private readonly OperationsClient _api = new(fixture.Http);
    private readonly UltraFaceDetector _detector = new(ModelStore.CreateDefault());

    public static TheoryData<string> FacePhotos => new(TestImages.FacePhotos);

    [Theory]
    [MemberData(nameof(FacePhotos))]
    public async Task Every_face_box_lies_inside_the_crop(string photo)
    {
        var bytes = TestImages.Bytes(photo);
        using var source = VipsImage.Load(bytes);
        var faces = _detector.Detect(source.ToPixels());
        Assert.NotEmpty(faces);
        var (width, height) = (Math.Min(400, source.Width), Math.Min(300, source.Height));

        var (body, response) = await _api.ProcessAsync($"/api/v1/crop?strategy=faces&width={width}&height={height}", bytes);

        var region = response.Headers.GetValues("X-Crop-Region").Single().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (left, top, right, bottom) = (region[0], region[1], region[0] + region[2], region[1] + region[3]);
        const float tolerance = 2; // the Api detects on a copy of at most 1280 px; boxes move by a pixel or two
        foreach (var face in faces)
        {
            Assert.True(face.Box.X >= left - tolerance && face.Box.Y >= top - tolerance
                && face.Box.X + face.Box.Width <= right + tolerance && face.Box.Y + face.Box.Height <= bottom + tolerance,
                $"{photo}: face {face.Box} is not inside the crop {left},{top}-{right},{bottom}");
        }

        using var output = VipsImage.Load(body);
        Assert.Equal((width, height), (output.Width, output.Height));
    }

    public void Dispose() => _detector.Dispose();
}
