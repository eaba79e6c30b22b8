namespace VisionAspire.Api.Monitoring;

/// <summary>GET /api/v1/stats.</summary>
/// <param name="GeneratedAt">The database's clock when the statistics were read.</param>
/// <param name="Windows">The last 1, 5 and 60 minutes.</param>
/// <param name="Tasks">Model runs per task over the last 60 minutes.</param>
/// <param name="Models">Model runs per model version over the last 60 minutes.</param>
/// <param name="Workers">Consumers on the queues, from RabbitMQ; null when the broker did not answer in time.</param>
public sealed record StatsResponse(
    DateTimeOffset GeneratedAt,
    ImageTotalsResponse Images,
    IReadOnlyList<WindowResponse> Windows,
    IReadOnlyList<TaskTimingResponse> Tasks,
    IReadOnlyList<ModelTimingResponse> Models,
    WorkersResponse? Workers);

public sealed record ImageTotalsResponse(
    long Total,
    IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> ByKind,
    IReadOnlyList<StatusKindCountResponse> ByStatusAndKind);

public sealed record StatusKindCountResponse(string Status, string Kind, long Count);

/// <summary>
/// One window: images that reached completed or failed since <paramref name="Seconds"/> ago (the window's start
/// rounded down to 10 s), completed images per second over those seconds, completed / (completed + failed) (null
/// without either), and the end-to-end latency of completed images (upload to completed) from a histogram.
/// </summary>
public sealed record WindowResponse(
    int Minutes,
    double Seconds,
    long Completed,
    long Failed,
    double ThroughputPerSecond,
    double? SuccessRate,
    LatencyResponse Latency);

/// <summary>Percentiles in ms read from logarithmic buckets (within 5 %); null without samples.</summary>
public sealed record LatencyResponse(long Samples, double? P50Ms, double? P95Ms, double? P99Ms);

public sealed record TaskTimingResponse(string Task, long Runs, double MeanMs, double? P95Ms);

public sealed record ModelTimingResponse(string Model, string Version, string Task, long Runs, double MeanMs, double? P95Ms);

/// <param name="Replicas">Worker replicas consuming: the most consumers on any of the workers' queues.</param>
/// <param name="Consumers">Consumers per queue.</param>
public sealed record WorkersResponse(long Replicas, IReadOnlyDictionary<string, long> Consumers);

/// <summary>GET /api/v1/queue-status.</summary>
/// <param name="Source">Where the figures come from (<c>amqp-declare-passive</c>).</param>
/// <param name="Unavailable">Fields this source cannot give, always null in <paramref name="Queues"/>.</param>
public sealed record QueueStatusResponse(DateTimeOffset ReadAt, string Source, IReadOnlyList<string> Unavailable, IReadOnlyList<QueueResponse> Queues);

/// <param name="Role">preprocess, inference, processing or dead-letter.</param>
/// <param name="Exists">False until a service has declared the queue.</param>
public sealed record QueueResponse(
    string Name,
    string Role,
    bool Exists,
    long? Ready,
    long? Unacked,
    long? Consumers,
    double? PublishRate,
    double? DeliverRate);
