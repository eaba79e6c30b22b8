using System.Text;

namespace VisionAspire.Redis;

/// <summary>
/// One RESP2 reply. A nil bulk string or nil array has <see cref="IsNull"/> set.
/// Immutable, so safe to share between threads.
/// </summary>
public sealed class RedisReply
{
    private static readonly RedisReply[] SmallIntegers = CreateSmallIntegers();

    internal static readonly RedisReply Ok = new(RedisReplyType.SimpleString, text: "OK");
    internal static readonly RedisReply NullBulk = new(RedisReplyType.BulkString, isNull: true);
    internal static readonly RedisReply NullArray = new(RedisReplyType.Array, isNull: true);
    internal static readonly RedisReply EmptyArray = new(RedisReplyType.Array, elements: []);

    private readonly string? _text;
    private readonly byte[]? _bytes;
    private readonly RedisReply[]? _elements;

    private RedisReply(RedisReplyType type, string? text = null, long integer = 0, byte[]? bytes = null,
        RedisReply[]? elements = null, bool isNull = false)
    {
        Type = type;
        _text = text;
        Integer = integer;
        _bytes = bytes;
        _elements = elements;
        IsNull = isNull;
    }

    public RedisReplyType Type { get; }

    /// <summary>True for a nil bulk string (<c>$-1</c>) or nil array (<c>*-1</c>).</summary>
    public bool IsNull { get; }

    /// <summary>The value of an integer reply; 0 for other kinds.</summary>
    public long Integer { get; }

    /// <summary>The raw bytes of a bulk string, or the UTF-8 bytes of a simple string; null when nil.</summary>
    public byte[]? Bytes => _bytes ?? (_text is null ? null : Encoding.UTF8.GetBytes(_text));

    /// <summary>The elements of an array reply; null when nil or not an array.</summary>
    public IReadOnlyList<RedisReply>? Elements => _elements;

    /// <summary>The message of an error reply (for example <c>ERR unknown command</c>).</summary>
    public string? ErrorMessage => Type == RedisReplyType.Error ? _text : null;

    /// <summary>
    /// The reply as text: simple strings and errors as sent, bulk strings decoded as UTF-8,
    /// integers in invariant form; null for nil and for arrays.
    /// </summary>
    public string? AsString() => Type switch
    {
        RedisReplyType.SimpleString or RedisReplyType.Error => _text,
        RedisReplyType.BulkString => _bytes is null ? null : Encoding.UTF8.GetString(_bytes),
        RedisReplyType.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public override string ToString() => Type switch
    {
        RedisReplyType.Array when IsNull => "(nil array)",
        RedisReplyType.Array => $"[{string.Join(", ", _elements!.Select(e => e.ToString()))}]",
        _ when IsNull => "(nil)",
        RedisReplyType.Error => $"(error) {_text}",
        _ => AsString() ?? string.Empty,
    };

    internal static RedisReply SimpleString(string text) => text == "OK" ? Ok : new(RedisReplyType.SimpleString, text: text);

    internal static RedisReply Error(string message) => new(RedisReplyType.Error, text: message);

    internal static RedisReply FromInteger(long value) =>
        value is >= -1 and < 63 ? SmallIntegers[value + 1] : new(RedisReplyType.Integer, integer: value);

    internal static RedisReply Bulk(byte[] bytes) => new(RedisReplyType.BulkString, bytes: bytes);

    internal static RedisReply Array(RedisReply[] elements) =>
        elements.Length == 0 ? EmptyArray : new(RedisReplyType.Array, elements: elements);

    internal byte[]? BulkBytes => _bytes;

    internal RedisReply[]? ArrayElements => _elements;

    private static RedisReply[] CreateSmallIntegers()
    {
        var replies = new RedisReply[64];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = new RedisReply(RedisReplyType.Integer, integer: i - 1);
        }
        return replies;
    }
}
