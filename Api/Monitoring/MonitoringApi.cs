using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Messaging;

namespace VisionAspire.Api.Monitoring;

/// <summary>The operators' endpoints: GET /api/v1/stats and GET /api/v1/queue-status.</summary>
public static class MonitoringApi
{
    /// <summary>How long /stats waits for the broker's consumer counts before answering without them.</summary>
    private static readonly TimeSpan StatsBrokerTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan QueueStatusTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] WorkerQueues = [.. Queues.Work.Where(q => q != Queues.Preprocess)];

    public static void AddMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StatsRollupPruner>();
    }

    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Monitoring");

        api.MapGet("/stats", GetStatsAsync)
            .WithName("GetStats")
            .WithSummary("Images by status and kind, completions, failures, throughput, success rate and latency over the last 1, 5 and 60 minutes, model timings, worker consumers.")
            .WithDescription("Read from rollups the database keeps as images change (migration 0005), not from the images table: as fast at a million images as at ten.")
            .Produces<StatsResponse>();

        api.MapGet("/queue-status", GetQueueStatusAsync)
            .WithName("GetQueueStatus")
            .WithSummary("Per queue: ready messages and consumers, from RabbitMQ passive declares (unacked and rates need the management plugin: null).")
            .Produces<QueueStatusResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    private static async Task<IResult> GetStatsAsync(StatsRepository stats, QueueStatusReader queues, ILoggerFactory logs, CancellationToken ct)
    {
        var consumers = TryReadQueuesAsync(queues, StatsBrokerTimeout, logs, ct);
        var read = await stats.ReadAsync(ct);
        return TypedResults.Ok(StatsResponses.From(read, WorkersFrom(await consumers)));
    }

    private static async Task<IResult> GetQueueStatusAsync(QueueStatusReader queues, ILoggerFactory logs, CancellationToken ct)
    {
        var readings = await TryReadQueuesAsync(queues, QueueStatusTimeout, logs, ct);
        if (readings is null)
        {
            return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "Broker unavailable", "RabbitMQ did not answer the passive declares in time.");
        }

        return TypedResults.Ok(new QueueStatusResponse(
            DateTimeOffset.UtcNow,
            "amqp-declare-passive",
            ["unacked", "publishRate", "deliverRate"],
            [.. readings.Select(r => new QueueResponse(r.Queue, RoleOf(r.Queue), r.Exists, r.Ready, null, r.Consumers, null, null))]));
    }

    private static async Task<IReadOnlyList<QueueReading>?> TryReadQueuesAsync(
        QueueStatusReader queues, TimeSpan timeout, ILoggerFactory logs, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            return await queues.ReadAsync(bounded.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(MonitoringApi)).LogWarning(ex, "Reading the queues from RabbitMQ failed");
            return null;
        }
    }

    private static WorkersResponse? WorkersFrom(IReadOnlyList<QueueReading>? readings)
    {
        if (readings is null)
        {
            return null;
        }

        var consumers = readings.Where(r => r.Consumers is not null).ToDictionary(r => r.Queue, r => r.Consumers!.Value);
        var replicas = WorkerQueues.Select(q => consumers.GetValueOrDefault(q)).DefaultIfEmpty(0).Max();
        return new WorkersResponse(replicas, consumers);
    }

    private static string RoleOf(string queue) => queue switch
    {
        _ when queue != MessagingTopology.WorkQueueOf(queue) => "quarantine",
        Queues.Preprocess => "preprocess",
        Queues.Process => "processing",
        Queues.DeadLetter => "dead-letter",
        _ => "inference",
    };
}
