using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Tests;

/// <summary>The engine in-process on the shared photos (the same code the Api and the workers run).</summary>
public sealed class ProcessorTests : IDisposable
{
    private static readonly OperationLimits Limits = new();
    private readonly UltraFaceDetector _detector = new(ModelStore.CreateDefault());

    public static TheoryData<string> FacePhotos => new(TestImages.FacePhotos);

    [Theory]
    [MemberData(nameof(FacePhotos))]
    public void Faces_crop_holds_every_detected_face_at_the_asked_size(string photo)
    {
        var bytes = TestImages.Bytes(photo);
        using var source = VipsImage.Load(bytes);
        var faces = _detector.Detect(source.ToPixels());
        var processor = new ImageProcessor(Limits, new ModelFaceLocator(() => new UltraFaceDetector(ModelStore.CreateDefault())));
        var (width, height) = (Math.Min(400, source.Width), Math.Min(300, source.Height));

        var result = processor.Process(bytes, Plan(("crop", new { strategy = "faces", width, height })));

        Assert.NotEmpty(faces);
        var crop = Assert.IsType<Imaging.Operations.CropRegion>(result.Crop);
        foreach (var face in faces)
        {
            Assert.True(face.Box.X >= crop.Left - 2 && face.Box.Y >= crop.Top - 2
                && face.Box.X + face.Box.Width <= crop.Right + 2 && face.Box.Y + face.Box.Height <= crop.Bottom + 2,
                $"{photo}: face {face.Box} outside {crop}");
        }

        Assert.Equal((width, height), (result.Width, result.Height));
    }

    [Fact]
    public void A_leading_resize_decodes_shrunk_and_later_steps_see_the_small_image()
    {
        var processor = new ImageProcessor(Limits);

        var result = processor.Process(TestImages.Bytes("zidane.jpg"),
            Plan(("resize", new { width = 320 }), ("crop", new { left = 0, top = 0, width = 320, height = 100 }), ("convert", new { format = "png" })));

        Assert.Equal((320, 100), (result.Width, result.Height));
        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(result.Data));
    }

    [Fact]
    public void Too_many_input_pixels_fail_before_decoding()
    {
        var processor = new ImageProcessor(new OperationLimits { MaxInputPixels = 1000 });

        Assert.Throws<ImageTooLargeException>(() => processor.Process(TestImages.Bytes("zidane.jpg"), Plan(("filter", new { type = "emboss" }))));
        Assert.Throws<ImageTooLargeException>(() => processor.Process(TestImages.Bytes("zidane.jpg"), Plan(("resize", new { width = 10 }))));
    }

    private static ProcessingPlan Plan(params (string Op, object Params)[] steps) =>
        ProcessingPlan.Parse(steps.Select(s => new OperationSpecV1(s.Op,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(s.Params)))).ToList(), Limits);

    public void Dispose() => _detector.Dispose();
}
