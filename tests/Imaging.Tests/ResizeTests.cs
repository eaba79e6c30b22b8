namespace VisionAspire.Imaging.Tests;

public sealed class ResizeTests
{
    private const string Landscape = "zidane.jpg"; // 1280x720

    [Theory]
    [InlineData(ResizeMode.Fit, 320, 320, 320, 180)]
    [InlineData(ResizeMode.Fit, 320, null, 320, 180)]
    [InlineData(ResizeMode.Fill, 320, 320, 320, 320)]
    [InlineData(ResizeMode.Fill, 200, 100, 200, 100)]
    [InlineData(ResizeMode.Exact, 300, 500, 300, 500)]
    [InlineData(ResizeMode.Pad, 320, 320, 320, 320)]
    public void Thumbnail_output_dimensions_per_mode(ResizeMode mode, int width, int? height, int expectedWidth, int expectedHeight)
    {
        var bytes = TestImages.Bytes(Landscape);
        using var image = VipsImage.Load(bytes);
        using var thumbnail = image.Thumbnail(width, height, mode);
        using var fromBuffer = VipsImage.ThumbnailBuffer(bytes, width, height, mode);

        Assert.Equal((expectedWidth, expectedHeight), (thumbnail.Width, thumbnail.Height));
        Assert.Equal((expectedWidth, expectedHeight), (fromBuffer.Width, fromBuffer.Height));
    }

    [Fact]
    public void Pad_letterboxes_with_black_bars_around_the_fitted_photo()
    {
        using var image = VipsImage.Load(TestImages.Bytes(Landscape));
        using var padded = image.Thumbnail(320, 320, ResizeMode.Pad);

        var pixels = padded.ToPixels();
        Assert.All(pixels.Data.AsSpan(0, 320 * 3 * 60).ToArray(), b => Assert.Equal(0, b)); // top bar: (320-180)/2 = 70 rows
        Assert.NotEqual(0, pixels.Data.AsSpan(320 * 3 * 160, 320 * 3).ToArray().Max());
    }

    [Fact]
    public void Fit_does_not_upscale_unless_allowed()
    {
        using var image = VipsImage.Load(TestImages.Bytes("faces_two_handshake.jpg")); // 450x344
        using var kept = image.Thumbnail(900, 900);
        using var enlarged = image.Thumbnail(900, 900, allowUpscale: true);

        Assert.Equal((450, 344), (kept.Width, kept.Height));
        Assert.Equal((900, 688), (enlarged.Width, enlarged.Height));
    }

    [Fact]
    public void ThumbnailBuffer_shrinks_a_large_photo_keeping_aspect_ratio()
    {
        using var thumbnail = VipsImage.ThumbnailBuffer(TestImages.Bytes("car_plate_bmw.jpg"), 224); // 2040x1360
        Assert.Equal((224, 149), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(ImageFormat.Jpeg, thumbnail.SourceFormat);
    }

    [Fact]
    public void Resize_scales_both_axes()
    {
        using var image = VipsImage.Load(TestImages.Bytes(Landscape));
        using var half = image.Resize(0.5);
        using var double_ = image.Resize(2);

        Assert.Equal((640, 360), (half.Width, half.Height));
        Assert.Equal((2560, 1440), (double_.Width, double_.Height));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Resize(0));
    }

    [Fact]
    public void Crop_cuts_the_requested_rectangle()
    {
        using var image = VipsImage.Load(TestImages.Bytes(Landscape));
        using var crop = image.Crop(100, 50, 200, 120);
        var whole = image.ToPixels();
        var part = crop.ToPixels();

        Assert.Equal((200, 120), (crop.Width, crop.Height));
        var expectedRow = whole.Data.AsSpan(((50 + 10) * 1280 + 100) * 3, 200 * 3).ToArray();
        Assert.Equal(expectedRow, part.Data.AsSpan(10 * 200 * 3, 200 * 3).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Crop(1200, 0, 200, 10));
    }

    [Fact]
    public void Invalid_boxes_are_rejected()
    {
        using var image = VipsImage.Load(TestImages.Bytes(Landscape));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Thumbnail(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Thumbnail(10, -1));
    }
}
