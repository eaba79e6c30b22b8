namespace VisionAspire.Redis.Internal;

/// <summary>One argument of a command: text (sent as UTF-8), raw bytes, raw bytes in several segments, or an integer.</summary>
internal readonly struct RedisArg
{
    private RedisArg(string? text, ReadOnlyMemory<byte> bytes, IReadOnlyList<ReadOnlyMemory<byte>>? segments, long number, RedisArgKind kind)
    {
        Text = text;
        Bytes = bytes;
        Segments = segments;
        Number = number;
        Kind = kind;
    }

    public string? Text { get; }
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The parts of one bulk string, sent back to back (no joined copy is made).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? Segments { get; }

    public long Number { get; }
    public RedisArgKind Kind { get; }

    public static implicit operator RedisArg(string text) => new(text, default, null, 0, RedisArgKind.Text);

    public static implicit operator RedisArg(ReadOnlyMemory<byte> bytes) => new(null, bytes, null, 0, RedisArgKind.Bytes);

    public static implicit operator RedisArg(long number) => new(null, default, null, number, RedisArgKind.Number);

    public static RedisArg FromSegments(IReadOnlyList<ReadOnlyMemory<byte>> segments) =>
        new(null, default, segments ?? throw new ArgumentNullException(nameof(segments)), 0, RedisArgKind.Segments);
}

internal enum RedisArgKind
{
    Text,
    Bytes,
    Segments,
    Number,
}
