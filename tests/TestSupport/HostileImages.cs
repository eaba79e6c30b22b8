using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using NetVips;

namespace VisionAspire.TestSupport;

/// <summary>
/// Hostile, odd or borderline image files for the upload edge, generated here (NetVips or raw bytes), never downloaded.
/// Every image is made from <paramref name="photo"/> (a JPEG) or drawn, and is byte-unique per call where it is valid.
/// </summary>
public static class HostileImages
{
    /// <summary>A PNG whose header declares 0 × 0 pixels.</summary>
    public static byte[] ZeroByZeroPng()
    {
        var ihdr = new byte[13];
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 2;   // truecolour
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[1]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        CraftedImages.WriteChunk(png, "IHDR", ihdr);
        CraftedImages.WriteChunk(png, "IDAT", idat.ToArray());
        CraftedImages.WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 1 × <paramref name="height"/> grey PNG: a legal, extremely thin image.</summary>
    public static byte[] OnePixelWidePng(int height, string tag) =>
        Tagged((Image.Black(1, height, bands: 3) + 90).Cast(Enums.BandFormat.Uchar).PngsaveBuffer(), tag);

    /// <summary>The photo as an ordinary PNG.</summary>
    public static byte[] Png(byte[] photo, string tag)
    {
        using var image = Thumbnail(photo, 320);
        return Tagged(image.PngsaveBuffer(), tag);
    }

    /// <summary>A 16-bit-per-channel RGB PNG of the photo.</summary>
    public static byte[] SixteenBitPng(byte[] photo, string tag)
    {
        using var image = Thumbnail(photo, 320);
        using var wide = (image.Cast(Enums.BandFormat.Ushort) * 257).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16);
        return Tagged(wide.PngsaveBuffer(bitdepth: 16), tag);
    }

    /// <summary>The photo as a CMYK JPEG (four channels, as print workflows write them).</summary>
    public static byte[] CmykJpeg(byte[] photo, string tag)
    {
        using var image = Thumbnail(photo, 320);
        using var cmyk = image.IccTransform("cmyk");
        return Tagged(cmyk.JpegsaveBuffer(), tag);
    }

    /// <summary>A three-frame animated GIF of the photo (frames stacked, "page-height" set).</summary>
    public static byte[] AnimatedGif(byte[] photo, string tag) => Animated(photo, tag, image => image.GifsaveBuffer());

    /// <summary>A three-frame animated WebP of the photo.</summary>
    public static byte[] AnimatedWebP(byte[] photo, string tag) => Animated(photo, tag, image => image.WebpsaveBuffer(lossless: true));

    /// <summary>The photo re-encoded carrying EXIF orientation <paramref name="orientation"/> (1-8) over its unrotated pixels.</summary>
    public static byte[] WithOrientation(byte[] photo, int orientation, string tag)
    {
        using var image = Thumbnail(photo, 320);
        using var oriented = image.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        return Tagged(oriented.JpegsaveBuffer(), tag);
    }

    /// <summary>
    /// The photo with a near-64 KiB EXIF segment (the most one JPEG segment holds) whose IFD claims thousands of
    /// entries pointing past its end.
    /// </summary>
    public static byte[] HugeExifJpeg(byte[] photo, string tag)
    {
        const int entries = 5400;
        var tiff = new byte[8 + 2 + entries * 12 + 4];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), entries);
        for (var i = 0; i < entries; i++)
        {
            var entry = tiff.AsSpan(10 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)(0x010E + i % 64));   // ImageDescription and its neighbours
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 2);                      // ASCII
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 0x7FFF_FFF0);           // length far past the segment
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 0x7FFF_0000);           // offset far past the segment
        }

        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(segment, 4);
        var jpeg = UniqueImages.WithTag(photo, tag);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>A JPEG/PNG polyglot: the photo (a complete JPEG) followed by a complete PNG after its end marker.</summary>
    public static byte[] JpegWithPngAppended(byte[] photo, string tag) =>
        [.. UniqueImages.WithTag(photo, tag), .. Image.Black(8, 8, bands: 3).PngsaveBuffer()];

    /// <summary>A PNG signature in front of a JPEG: the name of one format, the body of another.</summary>
    public static byte[] PngSignatureOverJpeg(byte[] photo) =>
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. photo];

    /// <summary>The photo with its frame header patched to claim <paramref name="size"/> × <paramref name="size"/> pixels.</summary>
    public static byte[] JpegClaimingSize(byte[] photo, ushort size)
    {
        var jpeg = photo.ToArray();
        var sof = FindStartOfFrame(jpeg);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), size);   // height
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), size);   // width
        return jpeg;
    }

    /// <summary>A 4 × 4 GIF whose logical screen claims 65535 × 65535 pixels.</summary>
    public static byte[] GifClaimingHugeScreen(string tag)
    {
        var shade = SHA256.HashData(Encoding.UTF8.GetBytes(tag));
        using var grey = (Image.Black(4, 4) + shade[0]).Cast(Enums.BandFormat.Uchar);
        using var dotted = grey.Mutate(m => m.DrawRect([shade[1]], 1, 1, 1, 1, fill: true));
        var gif = dotted.GifsaveBuffer();
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), ushort.MaxValue);
        return gif;
    }

    /// <summary>An SVG that pulls /etc/passwd in through an external entity (XXE).</summary>
    public static byte[] SvgWithExternalEntity() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" standalone="no"?>
        <!DOCTYPE svg [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="0" y="20">&secret;</text></svg>
        """);

    /// <summary>A WebP container header with no image chunk behind it.</summary>
    public static byte[] WebPHeaderOnly() => [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0x18, 0, 0, 0, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A];

    /// <summary>A HEIF file type box followed by garbage.</summary>
    public static byte[] HeifHeaderOnly() => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

    /// <summary>A TIFF byte-order mark and a first-IFD offset pointing nowhere.</summary>
    public static byte[] TiffHeaderOnly() => [.. "II*\0"u8, 0xFF, 0xFF, 0xFF, 0x7F, .. new byte[32]];

    private static byte[] Animated(byte[] photo, string tag, Func<Image, byte[]> save)
    {
        using var frame = Thumbnail(photo, 160);
        using var frames = Image.Arrayjoin([frame, frame.Invert(), frame.Flip(Enums.Direction.Horizontal)], across: 1);
        using var animated = frames.Mutate(m =>
        {
            // The tag's hash as the first row's first 16 pixels: the file is byte-unique without a tag segment.
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tag));
            for (var i = 0; i < 16; i++)
            {
                m.DrawRect([hash[i], hash[i], hash[i]], i, 0, 1, 1, fill: true);
            }
            m.Set(GValue.GIntType, "page-height", frame.Height);
            m.Set(GValue.ArrayIntType, "delay", new[] { 100, 100, 100 });
        });
        return save(animated);
    }

    private static Image Thumbnail(byte[] photo, int width) =>
        Image.ThumbnailBuffer(photo, width).Cast(Enums.BandFormat.Uchar);

    private static byte[] Tagged(byte[] image, string tag) => UniqueImages.WithTag(image, tag);

    private static int FindStartOfFrame(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                return i;
            }
        }

        throw new ArgumentException("no start-of-frame marker", nameof(jpeg));
    }
}
