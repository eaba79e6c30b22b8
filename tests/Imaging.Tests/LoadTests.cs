namespace VisionAspire.Imaging.Tests;

public sealed class LoadTests
{
    public static TheoryData<string, int, int, int> Photos => new()
    {
        { "bear_coco285.jpg", 586, 640, 3 },
        { "bus.jpg", 810, 1080, 3 },
        { "car_plate_bmw.jpg", 2040, 1360, 3 },
        { "dog_bicycle_truck.jpg", 768, 576, 3 },
        { "face_single_woman_laptop.jpg", 1024, 769, 3 },
        { "faces_family_five.jpg", 1800, 858, 3 },
        { "faces_group_children.jpg", 1024, 768, 3 },
        { "faces_two_handshake.jpg", 450, 344, 3 },
        { "green_apples_coco2149.jpg", 640, 427, 3 },
        { "zebra_coco1818.jpg", 640, 425, 3 },
        { "zidane.jpg", 1280, 720, 3 },
        { "ocr_testocr.png", 640, 480, 4 },
        { "ocr_bank_statement.png", 957, 307, 4 },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public void Load_from_bytes_reports_the_photo_dimensions(string file, int width, int height, int bands)
    {
        using var image = VipsImage.Load(TestImages.Bytes(file));

        Assert.Equal((width, height, bands), (image.Width, image.Height, image.Bands));
        Assert.Equal(file.EndsWith(".png") ? ImageFormat.Png : ImageFormat.Jpeg, image.SourceFormat);
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void ReadHeader_matches_the_decoded_image(string file, int width, int height, int bands)
    {
        var header = VipsImage.ReadHeader(TestImages.Bytes(file));

        Assert.Equal((width, height, bands), (header.Width, header.Height, header.Bands));
        Assert.Equal(1, header.Orientation);
    }

    [Fact]
    public void LoadFile_and_Load_stream_give_the_same_pixels_as_Load_bytes()
    {
        var path = TestImages.PathOf("zebra_coco1818.jpg");
        using var fromBytes = VipsImage.Load(File.ReadAllBytes(path));
        using var fromFile = VipsImage.LoadFile(path);
        using var stream = File.OpenRead(path);
        using var fromStream = VipsImage.Load(stream);

        var expected = fromBytes.ToPixels().Data;
        Assert.Equal(expected, fromFile.ToPixels().Data);
        Assert.Equal(expected, fromStream.ToPixels().Data);
    }

    [Fact]
    public void ToPixels_flattens_alpha_to_three_interleaved_bands()
    {
        using var image = VipsImage.Load(TestImages.Bytes("ocr_testocr.png"));

        var pixels = image.ToPixels();

        Assert.Equal(3, pixels.Bands);
        Assert.Equal(640 * 480 * 3, pixels.Data.Length);
        Assert.Equal([255, 255, 255], pixels.Data[..3]); // white page corner, alpha flattened on white
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ImageFormat.Png)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, ImageFormat.Gif)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, ImageFormat.WebP)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, ImageFormat.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, ImageFormat.Tiff)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0 }, ImageFormat.Heif)]
    [InlineData(new byte[] { 0, 0, 0, 0x1C, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x69, 0x66, 0x31, 0, 0, 0, 0, 0x6D, 0x69, 0x66, 0x31, 0x61, 0x76, 0x69, 0x66 }, ImageFormat.Avif)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, ImageFormat.Unknown)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, ImageFormat.Unknown)]
    public void Sniffer_detects_formats_from_magic_bytes(byte[] header, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormatSniffer.Detect(header));
    }

    [Fact]
    public void Sniffer_recognises_the_shared_photos_and_content_types()
    {
        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(TestImages.Bytes("bus.jpg")));
        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(TestImages.Bytes("ocr_testocr.png")));
        Assert.Equal("image/webp", ImageFormatSniffer.ContentType(ImageFormat.WebP));
        Assert.Equal("image/avif", ImageFormatSniffer.ContentType(ImageFormat.Avif));
        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.FromName(".JPG"));
        Assert.Equal(ImageFormat.Heif, ImageFormatSniffer.FromContentType("image/heic"));
        Assert.Equal(ImageFormat.WebP, ImageFormatSniffer.FromContentType("image/webp; q=0.9"));
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.FromContentType("text/html"));
    }

    [Fact]
    public void Loads_from_four_threads_at_once_give_identical_pixels()
    {
        var bytes = TestImages.Bytes("dog_bicycle_truck.jpg");
        byte[] expected;
        using (var reference = VipsImage.Load(bytes))
        {
            expected = reference.ToPixels().Data;
        }

        var results = new byte[4][];
        using var start = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 5; round++)
            {
                using var image = VipsImage.Load(bytes);
                var pixels = image.ToPixels().Data;
                results[i] = results[i] is null || results[i].AsSpan().SequenceEqual(pixels) ? pixels : [];
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
