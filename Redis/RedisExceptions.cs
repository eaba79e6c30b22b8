namespace VisionAspire.Redis;

/// <summary>Base of every error raised by the Redis client.</summary>
public class RedisException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The connection is missing or was lost: the command may or may not have run on the server.
/// </summary>
public class RedisConnectionException(string message, Exception? innerException = null)
    : RedisException(message, innerException);

/// <summary>The server rejected the credentials (AUTH failed). Retrying will not help.</summary>
public sealed class RedisAuthenticationException(string message, Exception? innerException = null)
    : RedisConnectionException(message, innerException);

/// <summary>The server answered with an error reply, such as <c>ERR</c>, <c>WRONGTYPE</c> or <c>NOSCRIPT</c>.</summary>
public sealed class RedisServerException(string message) : RedisException(message)
{
    /// <summary>The first word of the error reply (<c>ERR</c>, <c>WRONGTYPE</c>, ...).</summary>
    public string ErrorCode { get; } = message.Split(' ', 2)[0];
}

/// <summary>The server sent bytes that are not valid RESP; the connection is dropped.</summary>
public sealed class RedisProtocolException(string message) : RedisException(message);
