using System.Diagnostics;
using System.Diagnostics.Metrics;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>
/// The consumers' spans and metrics. RabbitMQ.Client itself starts a "publish" span that injects the W3C trace
/// context into the message headers, and a "deliver" span that starts a NEW trace merely linked to the sender; so the
/// consumers parent their own "process" span on the context read from the headers, which keeps every message's work
/// in the trace of the request that caused it.
/// </summary>
public static class MessagingTelemetry
{
    public const string Name = "VisionAspire.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "visionaspire.batch.size", unit: "{message}", description: "Messages handed to a batch handler at once.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>
    /// Writes the current span's W3C context into <paramref name="headers"/>. RabbitMQ.Client overwrites it with its
    /// own "publish" span when its publisher source is listened to (Aspire's tracing does); this keeps the context
    /// travelling when it is not (tracing of the client disabled).
    /// </summary>
    public static Dictionary<string, object?> WithTraceContext(Dictionary<string, object?> headers)
    {
        if (Activity.Current is { } current)
        {
            DistributedContextPropagator.Current.Inject(current, headers,
                static (carrier, name, value) => ((Dictionary<string, object?>)carrier!)[name] = value);
        }

        return headers;
    }

    /// <summary>The sender's trace context from the headers (default when there is none), read by the client's own extractor.</summary>
    public static ActivityContext SenderContext(IReadOnlyBasicProperties properties) =>
        RabbitMQActivitySource.ContextExtractor(properties);

    /// <summary>Starts the span of handling one message, a child of the sender's span.</summary>
    public static Activity? StartProcessing(string queue, ActivityContext sender, string? messageId, int attempt)
    {
        var activity = Source.StartActivity($"process {queue}", ActivityKind.Consumer, sender);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "rabbitmq");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", queue);
            activity.SetTag("messaging.message.id", messageId);
            activity.SetTag("visionaspire.attempt", attempt);
        }

        return activity;
    }

    /// <summary>
    /// Starts the span of one batch with a link to each message's sender: it serves several traces, so it is a child of
    /// the current activity only (none in the dispatch loop: a root); every message's own processing span stays in its
    /// sender's trace.
    /// </summary>
    public static Activity? StartBatch(string queue, IReadOnlyCollection<ActivityContext> senders)
    {
        BatchSize.Record(senders.Count, new KeyValuePair<string, object?>("messaging.destination.name", queue));
        var links = senders.Where(s => s != default).Select(s => new ActivityLink(s)).ToList();
        var activity = Source.StartActivity($"batch {queue}", ActivityKind.Internal, default(ActivityContext), links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.destination.name", queue);
            activity.SetTag("messaging.batch.message_count", senders.Count);
        }

        return activity;
    }
}
