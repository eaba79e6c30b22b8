using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VisionAspire.Redis.Internal;

/// <summary>Reads RESP2 replies from buffered bytes without copying anything but the payloads.</summary>
internal static class RespParser
{
    private const int MaxLineLength = 64 * 1024;

    /// <summary>
    /// Reads one whole reply. Returns false when the buffer ends first; the caller then waits for more bytes
    /// and starts again from the reply's first byte. <paramref name="missing"/> then says how many more bytes must
    /// arrive before a retry can get further (known once a bulk string's length has been read), or 0 when any byte may.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, [NotNullWhen(true)] out RedisReply? reply, out long missing)
    {
        reply = null;
        missing = 0;
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }

        switch (prefix)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, out var simple))
                {
                    return false;
                }
                reply = RedisReply.SimpleString(Encoding.UTF8.GetString(simple));
                return true;

            case (byte)'-':
                if (!TryReadLine(ref reader, out var error))
                {
                    return false;
                }
                reply = RedisReply.Error(Encoding.UTF8.GetString(error));
                return true;

            case (byte)':':
                if (!TryReadInteger(ref reader, out var integer))
                {
                    return false;
                }
                reply = RedisReply.FromInteger(integer);
                return true;

            case (byte)'$':
                return TryReadBulk(ref reader, out reply, out missing);

            case (byte)'*':
                return TryReadArray(ref reader, out reply, out missing);

            default:
                throw new RedisProtocolException($"Unexpected RESP type byte 0x{prefix:X2}.");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, [NotNullWhen(true)] out RedisReply? reply, out long missing)
    {
        reply = null;
        missing = 0;
        if (!TryReadInteger(ref reader, out var length))
        {
            return false;
        }
        if (length < 0)
        {
            reply = RedisReply.NullBulk;
            return true;
        }
        if (length > Array.MaxLength)
        {
            throw new RedisProtocolException($"Bulk string of {length} bytes is too large.");
        }
        if (reader.Remaining < length + 2)
        {
            missing = length + 2 - reader.Remaining;
            return false;
        }

        // The one copy: out of the (possibly multi-segment) receive buffer into the array the caller keeps.
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException("Bulk string is not terminated by CRLF.");
        }
        reply = RedisReply.Bulk(bytes);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, [NotNullWhen(true)] out RedisReply? reply, out long missing)
    {
        reply = null;
        missing = 0;
        if (!TryReadInteger(ref reader, out var count))
        {
            return false;
        }
        if (count < 0)
        {
            reply = RedisReply.NullArray;
            return true;
        }
        if (count > reader.Remaining)
        {
            // Every element takes at least 3 bytes, so the array cannot be complete yet.
            return false;
        }

        var elements = new RedisReply[count];
        for (var i = 0; i < elements.Length; i++)
        {
            if (!TryRead(ref reader, out var element, out missing))
            {
                return false;
            }
            elements[i] = element;
        }
        reply = RedisReply.Array(elements);
        return true;
    }

    private static bool TryReadInteger(ref SequenceReader<byte> reader, out long value)
    {
        value = 0;
        if (!TryReadLine(ref reader, out var line))
        {
            return false;
        }
        if (!Utf8Parser.TryParse(line, out value, out var consumed) || consumed != line.Length)
        {
            throw new RedisProtocolException($"Invalid integer '{Encoding.ASCII.GetString(line)}'.");
        }
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySpan<byte> line)
    {
        if (reader.TryReadTo(out ReadOnlySpan<byte> span, "\r\n"u8))
        {
            line = span;
            return true;
        }
        if (reader.Remaining > MaxLineLength)
        {
            throw new RedisProtocolException("Reply line exceeds 64 KiB without CRLF.");
        }
        line = default;
        return false;
    }
}
