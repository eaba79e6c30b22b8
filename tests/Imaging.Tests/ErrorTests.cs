using System.Buffers.Binary;

namespace VisionAspire.Imaging.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void Zero_bytes_is_a_format_error()
    {
        var error = Assert.Throws<ImageFormatException>(() => VipsImage.Load([]));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_text_file_is_a_format_error_naming_the_bytes()
    {
        var error = Assert.Throws<ImageFormatException>(() => VipsImage.Load("hello, this is not an image\n"u8.ToArray()));
        Assert.Contains("68656C6C6F", error.Message);
    }

    [Fact]
    public void A_pdf_is_a_format_error_even_though_libvips_could_render_it()
    {
        Assert.Throws<ImageFormatException>(() => VipsImage.Load("%PDF-1.4\n1 0 obj<<>>endobj\n"u8.ToArray()));
        Assert.Throws<ImageFormatException>(() => VipsImage.ThumbnailBuffer("%PDF-1.4\n"u8.ToArray(), 64));
    }

    [Fact]
    public void A_jpeg_cut_in_half_fails_when_its_pixels_are_needed()
    {
        var bytes = TestImages.Bytes("zidane.jpg");
        var half = bytes.AsSpan(0, bytes.Length / 2).ToArray();

        using var image = VipsImage.Load(half); // the header is intact
        Assert.Throws<CorruptImageException>(() => image.ToPixels());
        Assert.Throws<CorruptImageException>(() => image.Encode(ImageFormat.Png));
    }

    [Fact]
    public void A_jpeg_header_followed_by_random_bytes_is_corrupt()
    {
        var bytes = TestImages.Bytes("zidane.jpg");
        var garbage = new byte[100_000];
        new Random(42).NextBytes(garbage);
        var damaged = bytes.AsSpan(0, 2000).ToArray().Concat(garbage).ToArray();

        Assert.Throws<CorruptImageException>(() =>
        {
            using var image = VipsImage.Load(damaged);
            image.ToPixels();
        });
        Assert.Throws<CorruptImageException>(() =>
        {
            using var thumbnail = VipsImage.ThumbnailBuffer(damaged, 100);
            thumbnail.ToPixels();
        });
    }

    [Fact]
    public void A_jpeg_magic_without_a_header_is_corrupt()
    {
        var error = Assert.Throws<CorruptImageException>(() => VipsImage.Load([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 1, 2, 3]));
        Assert.Contains("Jpeg", error.Message);
    }

    [Fact]
    public void A_png_claiming_100000_by_100000_is_refused_from_the_header()
    {
        var bomb = PngHeaderOnly(100_000, 100_000);

        var error = Assert.Throws<ImageTooLargeException>(() => VipsImage.Load(bomb));
        Assert.Equal((100_000, 100_000, 50_000_000L), (error.Width, error.Height, error.MaxPixels));
        Assert.Contains("100000x100000", error.Message);
        Assert.Throws<ImageTooLargeException>(() => VipsImage.ThumbnailBuffer(bomb, 64));

        var header = VipsImage.ReadHeader(bomb);
        Assert.Equal((100_000, 100_000), (header.Width, header.Height));
    }

    [Fact]
    public void A_jpeg_claiming_60000_by_60000_is_refused_from_the_header()
    {
        var bomb = JpegWithDimensions(TestImages.Bytes("faces_two_handshake.jpg"), 60_000, 60_000);

        Assert.Throws<ImageTooLargeException>(() => VipsImage.Load(bomb));
        Assert.Throws<ImageTooLargeException>(() => VipsImage.ThumbnailBuffer(bomb, 64));
    }

    [Fact]
    public void The_pixel_limit_is_configurable()
    {
        var bytes = TestImages.Bytes("zidane.jpg"); // 1280x720 = 921,600 px
        var tight = new ImageLoadOptions { MaxPixels = 900_000 };

        Assert.Throws<ImageTooLargeException>(() => VipsImage.Load(bytes, tight));
        using var image = VipsImage.Load(bytes, tight with { MaxPixels = 921_600 });
        Assert.Equal(1280, image.Width);
    }

    private static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, ihdr);
        WriteChunk(png, "IDAT"u8, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var crc = Crc32(Crc32(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        stream.Write(type);
        stream.Write(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc);
        stream.Write(checksum);
    }

    private static uint Crc32(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc;
    }

    /// <summary>Rewrites the height and width of the first SOF0/SOF2 marker of a real JPEG.</summary>
    private static byte[] JpegWithDimensions(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
                return copy;
            }
        }

        throw new InvalidOperationException("No SOF marker found.");
    }
}
