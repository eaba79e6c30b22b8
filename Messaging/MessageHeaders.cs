using System.Text;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>Names and readers for the AMQP headers this library sets.</summary>
public static class MessageHeaders
{
    /// <summary>1 for the first delivery attempt; the consumer republishes a failed message with this + 1.</summary>
    public const string Attempt = "x-attempt";

    /// <summary>The error of the previous attempt, on a retried message (truncated).</summary>
    public const string LastError = "x-last-error";

    public static int ReadAttempt(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers is null || !properties.Headers.TryGetValue(Attempt, out var value))
        {
            return 1;
        }

        // Other clients may encode the number with any AMQP integer type, or as a string (byte[]).
        var attempt = value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            short s => s,
            byte b => b,
            sbyte sb => sb,
            uint ui => (int)Math.Min(ui, int.MaxValue),
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), out var parsed) => parsed,
            _ => 1,
        };
        return Math.Max(attempt, 1);
    }
}
