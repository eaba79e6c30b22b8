using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace VisionAspire.Redis.Internal;

/// <summary>Encodes commands as RESP arrays of bulk strings straight into a buffer writer.</summary>
internal static class RespWriter
{
    private const int MaxHeaderLength = 1 + 20 + 2; // prefix, long digits, CRLF
    private const int CopyChunk = 64 * 1024;

    public static void WriteCommand(IBufferWriter<byte> writer, ReadOnlySpan<RedisArg> args)
    {
        WriteHeader(writer, (byte)'*', args.Length);
        foreach (ref readonly var arg in args)
        {
            switch (arg.Kind)
            {
                case RedisArgKind.Text:
                    WriteText(writer, arg.Text!);
                    break;
                case RedisArgKind.Bytes:
                    WriteBytes(writer, arg.Bytes.Span);
                    break;
                case RedisArgKind.Segments:
                    WriteSegments(writer, arg.Segments!);
                    break;
                default:
                    WriteNumber(writer, arg.Number);
                    break;
            }
        }
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteHeader(writer, (byte)'$', length);
        if (length <= CopyChunk)
        {
            var span = writer.GetSpan(length + 2);
            Encoding.UTF8.GetBytes(text, span);
            span[length] = (byte)'\r';
            span[length + 1] = (byte)'\n';
            writer.Advance(length + 2);
            return;
        }

        CopyWithTrailer(writer, Encoding.UTF8.GetBytes(text));
    }

    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        WriteHeader(writer, (byte)'$', bytes.Length);
        CopyWithTrailer(writer, bytes);
    }

    private static void WriteSegments(IBufferWriter<byte> writer, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        var length = 0L;
        for (var i = 0; i < segments.Count; i++)
        {
            length += segments[i].Length;
        }

        WriteHeader(writer, (byte)'$', length);
        for (var i = 0; i < segments.Count; i++)
        {
            Copy(writer, segments[i].Span);
        }
        WriteCrlf(writer);
    }

    private static void WriteNumber(IBufferWriter<byte> writer, long number)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(number, digits, out var written);
        WriteBytes(writer, digits[..written]);
    }

    private static void CopyWithTrailer(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        Copy(writer, bytes);
        WriteCrlf(writer);
    }

    private static void Copy(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var span = writer.GetSpan(Math.Min(bytes.Length, CopyChunk));
            var count = Math.Min(span.Length, bytes.Length);
            bytes[..count].CopyTo(span);
            writer.Advance(count);
            bytes = bytes[count..];
        }
    }

    private static void WriteCrlf(IBufferWriter<byte> writer)
    {
        var crlf = writer.GetSpan(2);
        crlf[0] = (byte)'\r';
        crlf[1] = (byte)'\n';
        writer.Advance(2);
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte prefix, long value)
    {
        var span = writer.GetSpan(MaxHeaderLength);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        writer.Advance(written + 3);
    }
}
