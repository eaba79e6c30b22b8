using System.Buffers.Binary;
using System.Text;

namespace VisionAspire.TestSupport;

/// <summary>
/// Makes byte-distinct copies of an image without touching its pixels, so uploads are not deduplicated:
/// JPEG gets a COM (comment) segment right after SOI, PNG a tEXt chunk right after IHDR.
/// </summary>
public static class UniqueImages
{
    public static byte[] WithTag(byte[] image, string tag)
    {
        var text = Encoding.ASCII.GetBytes($"visionaspire:{tag}");
        if (image is [0xFF, 0xD8, ..])
        {
            return InsertJpegComment(image, text);
        }

        if (image.Length > 33 && image.AsSpan(1, 3).SequenceEqual("PNG"u8))
        {
            return InsertPngText(image, text);
        }

        throw new ArgumentException("Only JPEG and PNG can be tagged.", nameof(image));
    }

    private static byte[] InsertJpegComment(byte[] jpeg, byte[] text)
    {
        var segment = new byte[4 + text.Length];
        segment[0] = 0xFF;
        segment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(text.Length + 2));
        text.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static byte[] InsertPngText(byte[] png, byte[] text)
    {
        const int afterIhdr = 8 + 25;   // signature, then IHDR: length(4) type(4) data(13) crc(4)
        byte[] data = [.. "Comment"u8, 0, .. text];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
