using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// The gauge <c>visionaspire.queue.depth</c>: ready messages per work queue and the dead-letter queue, read with a
/// passive declare every <see cref="Interval"/> (a gauge callback must not block on the broker, so it reports the
/// last reading). A queue that could not be read is left out until it can.
/// </summary>
public sealed class QueueDepthMetrics : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly BrokerConnection _broker;
    private readonly ILogger<QueueDepthMetrics> _logger;
    private readonly ConcurrentDictionary<string, long> _depths = new();
    private readonly Meter _meter = new(MessagingTelemetry.Name);

    public QueueDepthMetrics(BrokerConnection broker, ILogger<QueueDepthMetrics> logger)
    {
        _broker = broker;
        _logger = logger;
        _meter.CreateObservableGauge("visionaspire.queue.depth",
            () => _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
            unit: "{message}", description: "Messages ready in a queue.");
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await ReadDepthsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _depths.Clear();
                _logger.LogDebug(ex, "Reading the queue depths failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReadDepthsAsync(CancellationToken ct)
    {
        var connection = await _broker.GetAsync(ct);
        foreach (var queue in Queues.Work.Append(Queues.DeadLetter))
        {
            // A passive declare of a missing queue closes the channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
                _depths[queue] = declared.MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                _depths.TryRemove(queue, out _);
            }
        }
    }
}
