using System.Net.Http.Headers;
using System.Text;

namespace VisionAspire.Integration.Tests.Edge;

/// <summary>Multipart bodies written byte by byte, for what HttpClient will not send: raw non-UTF-8 file names, unterminated bodies.</summary>
public static class RawMultipart
{
    public const string Boundary = "hostile-7f3a9c";

    /// <summary>A file part named "file" whose file name is exactly <paramref name="fileName"/> (any bytes).</summary>
    public static byte[] FilePart(byte[] fileName, byte[] data) =>
        [.. Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\""), .. fileName,
         .. Ascii("\"\r\nContent-Type: application/octet-stream\r\n\r\n"), .. data, .. Ascii("\r\n")];

    /// <summary>A plain form field.</summary>
    public static byte[] FieldPart(string name, string value) =>
        Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");

    /// <summary>The parts as a request body, with the closing boundary unless <paramref name="closed"/> is false.</summary>
    public static ByteArrayContent Content(IEnumerable<byte[]> parts, bool closed = true)
    {
        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            body.Write(part);
        }
        if (closed)
        {
            body.Write(Ascii($"--{Boundary}--\r\n"));
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
