namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class PlateLocatorTests(PipelinesFixture models)
{
    [Fact]
    public void Finds_the_plate_of_the_bmw()
    {
        var plates = models.Plates.Locate(TestImages.Load("car_plate_bmw.jpg"));

        var plate = Assert.Single(plates);
        // shared/images/README.md: the plate "WA 59382" is at [843,862]-[1225,953].
        var iou = IoU(plate.Box, new Box(843, 862, 1225 - 843, 953 - 862));
        Assert.True(iou >= 0.5f, $"IoU {iou:F2} for {plate.Box} ('{plate.Text}')");
        Assert.Matches("WA.?59382", plate.Text);
    }

    [Theory]
    [InlineData("faces_two_handshake.jpg")]
    [InlineData("faces_group_children.jpg")]
    [InlineData("faces_family_five.jpg")]
    [InlineData("face_single_woman_laptop.jpg")]
    public void Finds_no_plate_in_photos_of_people(string file)
    {
        Assert.Empty(models.Plates.Locate(TestImages.Load(file)));
    }

    [Fact]
    public void Without_text_confirmation_the_bmw_plate_is_still_a_candidate()
    {
        var unconfirmed = new PlateLocator(models.Objects, models.Ocr.Detector, recognizer: null);

        var plates = unconfirmed.Locate(TestImages.Load("car_plate_bmw.jpg"));

        Assert.Contains(plates, p => IoU(p.Box, new Box(843, 862, 1225 - 843, 953 - 862)) >= 0.5f);
        Assert.All(plates, p => Assert.Equal("", p.Text));
    }

    private static float IoU(Box a, Box b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        return w <= 0 || h <= 0 ? 0 : w * h / (a.Area + b.Area - w * h);
    }
}
