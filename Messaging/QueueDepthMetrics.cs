using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VisionAspire.Messaging;

/// <summary>
/// The gauge <c>visionaspire.queue.depth</c>: ready messages per queue of <see cref="QueueStatusReader.Watched"/>, read
/// every <see cref="Interval"/> (a gauge callback must not block on the broker, so it reports the
/// last reading). A queue that could not be read is left out until it can.
/// </summary>
public sealed class QueueDepthMetrics : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly QueueStatusReader _queues;
    private readonly ILogger<QueueDepthMetrics> _logger;
    private readonly ConcurrentDictionary<string, long> _depths = new();
    private readonly Meter _meter = new(MessagingTelemetry.Name);

    public QueueDepthMetrics(QueueStatusReader queues, ILogger<QueueDepthMetrics> logger)
    {
        _queues = queues;
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
        foreach (var reading in await _queues.ReadAsync(ct))
        {
            if (reading.Ready is { } ready)
            {
                _depths[reading.Queue] = ready;
            }
            else
            {
                _depths.TryRemove(reading.Queue, out _);
            }
        }
    }
}
