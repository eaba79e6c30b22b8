using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

/// <summary>The face/object label with YuNet's confirmation: people stay face, animals that fool UltraFace become object.</summary>
[Collection(PipelinesCollection.Name)]
public sealed class ConfirmedFaceLabellerTests(PipelinesFixture models)
{
    private static readonly HashSet<string> FacePhotos =
    [
        "face_single_woman_laptop.jpg", "faces_two_handshake.jpg", "faces_group_children.jpg", "faces_family_five.jpg", "zidane.jpg",
    ];

    public static TheoryData<string, string> EveryPhotoWithEveryDetector()
    {
        var data = new TheoryData<string, string>();
        foreach (var image in TestImages.All())
        {
            data.Add("ultraface", image);
            data.Add("yunet", image);
        }
        return data;
    }

    [Fact]
    public void The_shared_photos_include_the_documented_face_photos()
    {
        Assert.Subset(TestImages.All().ToHashSet(), FacePhotos);
    }

    [Theory]
    [MemberData(nameof(EveryPhotoWithEveryDetector))]
    public void Labels_every_shared_photo_as_documented(string detector, string image)
    {
        var pixels = TestImages.Load(image);

        var kind = Label(models.Detector(detector), pixels);

        Assert.Equal(FacePhotos.Contains(image) ? ImageKindLabeller.Face : ImageKindLabeller.Object, kind);
    }

    /// <summary>Windows of dog_bicycle_truck.jpg (left, top, side) that UltraFace alone calls a face (`faces-labeller` found 13).</summary>
    [Theory]
    [InlineData("dog_bicycle_truck.jpg", 72, 72, 288)]
    [InlineData("dog_bicycle_truck.jpg", 144, 144, 288)]
    [InlineData("dog_bicycle_truck.jpg", 0, 72, 432)]
    [InlineData("zebra_coco1818.jpg", 159, 106, 318)]
    public void An_animal_close_up_that_fools_ultraface_is_an_object(string photo, int left, int top, int side)
    {
        var pixels = Crop(photo, left, top, side);
        var ultraFaces = models.UltraFace.Detect(pixels);
        Assert.Equal(ImageKindLabeller.Face, ImageKindLabeller.Label(ultraFaces, side, side)); // the problem being solved

        Assert.Equal(ImageKindLabeller.Object, Label(models.UltraFace, pixels));
    }

    [Fact]
    public void The_bear_is_an_object_though_yunet_sees_a_face_with_plausible_landmarks()
    {
        var pixels = TestImages.Load("bear_coco285.jpg");
        var bear = Assert.Single(models.YuNet.Detect(pixels));
        Assert.True(bear.Score < ConfirmedFaceLabeller.MinConfirmationScore);

        Assert.Equal(ImageKindLabeller.Object, Label(models.YuNet, pixels));
        Assert.Equal(ImageKindLabeller.Object, Label(models.UltraFace, pixels));
    }

    [Fact]
    public void A_candidate_needs_an_overlapping_confirmer()
    {
        var face = new FaceDetection(new Box(100, 100, 200, 200), 0.99f, null);
        var landmarks = new Landmark[] { new(160, 170), new(240, 170), new(200, 205), new(168, 250), new(232, 250) };
        var same = new FaceDetection(new Box(105, 95, 200, 210), 0.93f, landmarks);
        var elsewhere = same with { Box = new Box(500, 500, 200, 210) };

        Assert.Equal(ImageKindLabeller.Face, ConfirmedFaceLabeller.Label([face], [same], 800, 800));
        Assert.Equal(ImageKindLabeller.Object, ConfirmedFaceLabeller.Label([face], [elsewhere], 800, 800));
        Assert.Equal(ImageKindLabeller.Object, ConfirmedFaceLabeller.Label([face], [], 800, 800));
    }

    [Fact]
    public void Landmarks_with_the_mouth_above_the_eyes_are_not_a_face()
    {
        var upsideDown = new Landmark[] { new(160, 250), new(240, 250), new(200, 215), new(168, 170), new(232, 170) };
        var upright = new Landmark[] { new(160, 170), new(240, 170), new(200, 205), new(168, 250), new(232, 250) };
        var box = new Box(100, 100, 200, 200);

        Assert.True(FaceLandmarkGeometry.IsPlausible(new FaceDetection(box, 0.9f, upright)));
        Assert.False(FaceLandmarkGeometry.IsPlausible(new FaceDetection(box, 0.9f, upsideDown)));
        Assert.False(FaceLandmarkGeometry.IsPlausible(new FaceDetection(box, 0.9f, null)));
    }

    private string Label(IFaceDetector primary, PixelBuffer pixels) =>
        ConfirmedFaceLabeller.Label(primary.Detect(pixels), models.YuNet.Detect(pixels), pixels.Width, pixels.Height);

    private static PixelBuffer Crop(string photo, int left, int top, int side)
    {
        using var image = VipsImage.LoadFile(TestImages.PathOf(photo));
        using var upright = image.AutoRotate();
        using var cut = upright.Crop(left, top, side, side);
        return cut.ToPixels();
    }
}
