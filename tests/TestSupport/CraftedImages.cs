using System.Buffers.Binary;
using System.IO.Compression;

namespace VisionAspire.TestSupport;

/// <summary>Hostile or broken inputs for the edge checks.</summary>
public static class CraftedImages
{
    /// <summary>A valid, tiny PNG whose header claims 100000 x 100000 RGB pixels (30 GB decoded).</summary>
    public static byte[] DecompressionBomb()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 100_000);
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 2;   // truecolour

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[1 + 3 * 64]);   // the first scan lines only; a decoder would need 30 GB for the rest
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", idat.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] TextFile() => "This is a text file with a .jpg name.\n"u8.ToArray();

    /// <summary>The first <paramref name="length"/> bytes of a JPEG: cut inside the header or the scan data.</summary>
    public static byte[] Truncated(byte[] jpeg, int length) => jpeg[..length];

    internal static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, UniqueImages.Crc32(typed));
        png.Write(word);
    }
}
