using System.Buffers.Binary;
using System.Text;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>A span as a service exported it, reduced to what the tests look at.</summary>
public sealed record CapturedSpan(
    string Service,
    string Scope,
    string Name,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> LinkedTraceIds);

/// <summary>
/// Reads the spans out of an OTLP/HTTP protobuf ExportTraceServiceRequest (opentelemetry-proto trace/v1 field numbers),
/// skipping every field the tests do not need. Attribute values are kept as text.
/// </summary>
public static class OtlpTraceDecoder
{
    public static List<CapturedSpan> Decode(byte[] request)
    {
        var spans = new List<CapturedSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field == 1)
            {
                ReadResourceSpans(resourceSpans, spans);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ReadOnlyMemory<byte> message, List<CapturedSpan> spans)
    {
        var service = "";
        var scopeSpans = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in Fields(message))
        {
            if (field == 1)
            {
                var resource = Attributes(Fields(value).Where(f => f.Field == 1).Select(f => f.Value));
                service = resource.GetValueOrDefault("service.name", "");
            }
            else if (field == 2)
            {
                scopeSpans.Add(value);
            }
        }

        foreach (var scope in scopeSpans)
        {
            var scopeName = "";
            foreach (var (field, value) in Fields(scope))
            {
                if (field == 1)
                {
                    scopeName = Fields(value).Where(f => f.Field == 1).Select(f => Text(f.Value)).FirstOrDefault() ?? "";
                }
                else if (field == 2)
                {
                    spans.Add(ReadSpan(service, scopeName, value));
                }
            }
        }
    }

    private static CapturedSpan ReadSpan(string service, string scope, ReadOnlyMemory<byte> message)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var attributes = new List<ReadOnlyMemory<byte>>();
        var links = new List<string>();
        foreach (var (field, value) in Fields(message))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value.Span); break;
                case 2: spanId = Convert.ToHexStringLower(value.Span); break;
                case 4: parentSpanId = Convert.ToHexStringLower(value.Span); break;
                case 5: name = Text(value); break;
                case 9: attributes.Add(value); break;
                case 13:
                    links.AddRange(Fields(value).Where(f => f.Field == 1).Select(f => Convert.ToHexStringLower(f.Value.Span)));
                    break;
            }
        }

        return new CapturedSpan(service, scope, name, traceId, spanId, parentSpanId, Attributes(attributes), links);
    }

    /// <summary>KeyValue messages (key = 1, AnyValue = 2) to key → text of the value.</summary>
    private static Dictionary<string, string> Attributes(IEnumerable<ReadOnlyMemory<byte>> keyValues)
    {
        var result = new Dictionary<string, string>();
        foreach (var keyValue in keyValues)
        {
            string? key = null, text = null;
            foreach (var (field, value) in Fields(keyValue))
            {
                if (field == 1)
                {
                    key = Text(value);
                }
                else if (field == 2)
                {
                    text = AnyValueText(value);
                }
            }

            if (key is not null)
            {
                result[key] = text ?? "";
            }
        }

        return result;
    }

    /// <summary>AnyValue: string 1, bool 2, int 3 (varints arrive as their number), double 4; others as hex.</summary>
    private static string? AnyValueText(ReadOnlyMemory<byte> anyValue)
    {
        foreach (var (field, value) in Fields(anyValue))
        {
            return field switch
            {
                1 => Text(value),
                2 => value.Span[0] != 0 ? "true" : "false",
                3 => ((long)BinaryPrimitives.ReadUInt64LittleEndian(value.Span)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => BitConverter.Int64BitsToDouble((long)BinaryPrimitives.ReadUInt64LittleEndian(value.Span)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ToHexStringLower(value.Span),
            };
        }

        return null;
    }

    private static string Text(ReadOnlyMemory<byte> value) => Encoding.UTF8.GetString(value.Span);

    /// <summary>
    /// The fields of one message in wire order. Length-delimited fields give their bytes; varints, fixed64 and
    /// fixed32 give their value as 8 little-endian bytes, so every field reads the same way.
    /// </summary>
    private static IEnumerable<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return (field, LittleEndian(ReadVarint(message.Span, ref position)));
                    break;
                case 1:
                    yield return (field, message.Slice(position, 8));
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return (field, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return (field, LittleEndian(BinaryPrimitives.ReadUInt32LittleEndian(message.Span.Slice(position, 4))));
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {tag & 7} of field {field}");
            }
        }
    }

    private static ReadOnlyMemory<byte> LittleEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("malformed varint");
    }
}
