namespace VisionAspire.Messaging;

/// <summary>
/// Thrown by a handler when retrying cannot help (the message refers to something that will never exist,
/// or is invalid in a way the JSON decoder cannot see): the consumer dead-letters the message at once.
/// </summary>
public sealed class PermanentMessageException : Exception
{
    public PermanentMessageException(string message) : base(message)
    {
    }

    public PermanentMessageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
