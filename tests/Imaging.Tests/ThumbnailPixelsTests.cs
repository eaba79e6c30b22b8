namespace VisionAspire.Imaging.Tests;

/// <summary>ThumbnailPixels: the one-pass decode-shrink-to-pixels the Preprocessor and the workers use.</summary>
public sealed class ThumbnailPixelsTests
{
    public static TheoryData<string> Photos => new(SharedPhotos());

    [Theory]
    [MemberData(nameof(Photos))]
    public void Pixels_equal_ThumbnailBuffer_then_ToPixels(string file)
    {
        var bytes = TestImages.Bytes(file);
        using var twoStep = VipsImage.ThumbnailBuffer(bytes, 640, 640);
        var expected = twoStep.ToPixels();

        var pixels = VipsImage.ThumbnailPixels(bytes, 640, 640);

        Assert.Equal((expected.Width, expected.Height, expected.Bands), (pixels.Width, pixels.Height, pixels.Bands));
        Assert.Equal(pixels.Width * pixels.Height * 3, pixels.Data.Length);
        Assert.True(expected.Data.AsSpan().SequenceEqual(pixels.Data), $"{file}: the pixels differ from the two-step result");
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void The_source_header_is_the_one_ReadHeader_gives(string file)
    {
        var bytes = TestImages.Bytes(file);

        VipsImage.ThumbnailPixels(bytes, out var source, 64);

        Assert.Equal(VipsImage.ReadHeader(bytes), source);
    }

    [Theory]
    [InlineData(ResizeMode.Pad, 200, 100)]
    [InlineData(ResizeMode.Fill, 200, 100)]
    [InlineData(ResizeMode.Exact, 50, 90)]
    public void Other_modes_equal_the_two_step_result(ResizeMode mode, int width, int height)
    {
        var bytes = TestImages.Bytes("zidane.jpg");
        using var twoStep = VipsImage.ThumbnailBuffer(bytes, width, height, mode);
        var expected = twoStep.ToPixels();

        var pixels = VipsImage.ThumbnailPixels(bytes, width, height, mode);

        Assert.Equal((width, height), (pixels.Width, pixels.Height));
        Assert.Equal(expected.Data, pixels.Data);
    }

    [Fact]
    public void Exif_orientation_is_applied_and_reported_in_the_source_header()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zidane.jpg"), 320); // 320x180
        using var tagged = source.WithOrientation(6);
        var jpeg = tagged.Encode(ImageFormat.Jpeg, new EncodeOptions { StripMetadata = false });

        var upright = VipsImage.ThumbnailPixels(jpeg, out var header, 100, 100);
        var raw = VipsImage.ThumbnailPixels(jpeg, 100, 100, options: new ImageLoadOptions { AutoRotate = false });

        Assert.Equal((6, 320, 180, true), (header.Orientation, header.Width, header.Height, header.IsTransposed));
        Assert.Equal((56, 100), (upright.Width, upright.Height));
        Assert.Equal((100, 56), (raw.Width, raw.Height));
    }

    [Fact]
    public void ThumbnailOnce_gives_the_ThumbnailBuffer_pixels_and_refuses_a_second_read()
    {
        var bytes = TestImages.Bytes("car_plate_bmw.jpg");
        using var held = VipsImage.ThumbnailBuffer(bytes, 720);
        using var once = VipsImage.ThumbnailOnce(bytes, 720);

        Assert.Equal(held.ToPixels().Data, once.ToPixels().Data);
        Assert.Throws<CorruptImageException>(() => once.Encode(ImageFormat.Jpeg));
    }

    [Fact]
    public void Alpha_is_flattened_to_three_bands()
    {
        var pixels = VipsImage.ThumbnailPixels(TestImages.Bytes("ocr_testocr.png"), 320);

        Assert.Equal((320, 240, 3), (pixels.Width, pixels.Height, pixels.Bands));
        Assert.Equal([255, 255, 255], pixels.Data[..3]);
    }

    [Fact]
    public void Truncated_and_corrupt_jpegs_fail_as_corrupt()
    {
        var bytes = TestImages.Bytes("zidane.jpg");
        var garbage = new byte[100_000];
        new Random(42).NextBytes(garbage);

        Assert.Throws<CorruptImageException>(() => VipsImage.ThumbnailPixels(bytes[..(bytes.Length / 2)], 640, 640));
        Assert.Throws<CorruptImageException>(() => VipsImage.ThumbnailPixels([.. bytes[..2000], .. garbage], 640, 640));
        Assert.Throws<CorruptImageException>(() => VipsImage.ThumbnailPixels([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 1, 2, 3], 64));
    }

    [Fact]
    public void The_pixel_limit_is_checked_before_decoding()
    {
        var bytes = TestImages.Bytes("zidane.jpg"); // 1280x720 = 921,600 px

        var error = Assert.Throws<ImageTooLargeException>(() =>
            VipsImage.ThumbnailPixels(bytes, 64, options: new ImageLoadOptions { MaxPixels = 900_000 }));
        Assert.Equal((1280, 720), (error.Width, error.Height));
        Assert.Equal(64, VipsImage.ThumbnailPixels(bytes, 64, options: new ImageLoadOptions { MaxPixels = 921_600 }).Width);
    }

    [Fact]
    public void Unsupported_input_is_a_format_error()
    {
        Assert.Throws<ImageFormatException>(() => VipsImage.ThumbnailPixels([], 64));
        Assert.Throws<ImageFormatException>(() => VipsImage.ThumbnailPixels("%PDF-1.4\n"u8.ToArray(), 64));
    }

    private static IEnumerable<string> SharedPhotos() =>
        Directory.EnumerateFiles(TestImages.Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.EndsWith(".jpg", StringComparison.Ordinal) || name.EndsWith(".png", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
