namespace VisionAspire.Redis.Internal;

/// <summary>One argument of a command: text (sent as UTF-8), raw bytes, or an integer.</summary>
internal readonly struct RedisArg
{
    private RedisArg(string? text, ReadOnlyMemory<byte> bytes, long number, RedisArgKind kind)
    {
        Text = text;
        Bytes = bytes;
        Number = number;
        Kind = kind;
    }

    public string? Text { get; }
    public ReadOnlyMemory<byte> Bytes { get; }
    public long Number { get; }
    public RedisArgKind Kind { get; }

    public static implicit operator RedisArg(string text) => new(text, default, 0, RedisArgKind.Text);

    public static implicit operator RedisArg(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, RedisArgKind.Bytes);

    public static implicit operator RedisArg(long number) => new(null, default, number, RedisArgKind.Number);
}

internal enum RedisArgKind
{
    Text,
    Bytes,
    Number,
}
