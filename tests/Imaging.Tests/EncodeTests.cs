namespace VisionAspire.Imaging.Tests;

public sealed class EncodeTests
{
    public static TheoryData<ImageFormat> Formats => new()
    {
        ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP, ImageFormat.Tiff, ImageFormat.Gif, ImageFormat.Avif,
    };

    /// <summary>NetVips.Native's libheif has the AV1 codec only: HEVC (HEIF/HEIC) is patent-encumbered and left out.</summary>
    [Fact]
    public void Heif_is_refused_as_a_format_the_bundled_libvips_cannot_write()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zebra_coco1818.jpg"), 32);

        Assert.False(VipsImage.CanEncode(ImageFormat.Heif));
        Assert.Throws<ImageFormatException>(() => source.Encode(ImageFormat.Heif));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_round_trips_through_decode(ImageFormat format)
    {
        Assert.True(VipsImage.CanEncode(format), $"{format} saver missing in this libvips");
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("dog_bicycle_truck.jpg"), 200);
        var original = source.ToPixels();

        var encoded = source.Encode(format, new EncodeOptions { Quality = 90 });
        using var decoded = VipsImage.Load(encoded);

        Assert.Equal(format, ImageFormatSniffer.Detect(encoded));
        Assert.Equal(format, decoded.SourceFormat);
        Assert.Equal((source.Width, source.Height), (decoded.Width, decoded.Height));
        var roundTrip = decoded.ToPixels();
        var meanError = original.Data.Zip(roundTrip.Data, (a, b) => Math.Abs(a - b)).Average();
        var tolerance = format is ImageFormat.Png or ImageFormat.Tiff ? 0 : format == ImageFormat.Gif ? 12 : 6;
        Assert.InRange(meanError, 0, tolerance);
    }

    [Fact]
    public void Jpeg_quality_changes_the_size()
    {
        using var source = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        var low = source.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 20 });
        var high = source.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 95 });

        Assert.True(low.Length * 2 < high.Length, $"q20 {low.Length} B vs q95 {high.Length} B");
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 0 }));
    }

    [Fact]
    public void Unknown_format_cannot_be_encoded()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zebra_coco1818.jpg"), 32);
        Assert.Throws<ImageFormatException>(() => source.Encode(ImageFormat.Unknown));
    }

    [Fact]
    public void Orientation_6_is_written_and_autorotated_on_load()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zidane.jpg"), 320); // 320x180
        using var tagged = source.WithOrientation(6);
        var jpeg = tagged.Encode(ImageFormat.Jpeg, new EncodeOptions { StripMetadata = false });

        var header = VipsImage.ReadHeader(jpeg);
        using var upright = VipsImage.Load(jpeg);
        using var raw = VipsImage.Load(jpeg, new ImageLoadOptions { AutoRotate = false });
        using var thumbnail = VipsImage.ThumbnailBuffer(jpeg, 100);

        Assert.Equal((6, 320, 180), (header.Orientation, header.Width, header.Height));
        Assert.Equal((180, 320, 1), (upright.Width, upright.Height, upright.Orientation));
        Assert.Equal((320, 180, 6), (raw.Width, raw.Height, raw.Orientation));
        Assert.Equal((100, 178), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void Exif_summary_reads_the_orientation_written_by_the_encoder()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zidane.jpg"), 64);
        using var tagged = source.WithOrientation(6);
        using var reloaded = VipsImage.Load(tagged.Encode(ImageFormat.Jpeg, new EncodeOptions { StripMetadata = false }),
            new ImageLoadOptions { AutoRotate = false });

        var exif = Operations.Analysis.ExifSummary.Read(reloaded);

        Assert.Equal("Right-top", exif["orientation"]);
        Assert.Empty(Operations.Analysis.ExifSummary.Read(source));
    }

    [Fact]
    public void Strip_metadata_removes_the_orientation_tag()
    {
        using var source = VipsImage.ThumbnailBuffer(TestImages.Bytes("zidane.jpg"), 64);
        using var tagged = source.WithOrientation(6);

        var stripped = tagged.Encode(ImageFormat.Jpeg);

        Assert.Equal(1, VipsImage.ReadHeader(stripped).Orientation);
    }
}
