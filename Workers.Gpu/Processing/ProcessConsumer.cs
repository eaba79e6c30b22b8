using VisionAspire.Contracts;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Processing;

/// <summary>Consumes pipeline items from <see cref="Queues.Process"/>; replicas share the queue. Acked after the job item is recorded.</summary>
public sealed class ProcessConsumer(BrokerConnection broker, ProcessRequestHandler handler, ILogger<ProcessConsumer> logger)
    : QueueConsumer<ProcessRequestedV1>(broker, logger)
{
    protected override string QueueName => Queues.Process;

    protected override ushort PrefetchCount => 4;

    /// <summary>Two pipelines at once: libvips parallelises each run over the cores itself.</summary>
    protected override ushort ConcurrentHandlers => 2;

    protected override bool IsBackendOutage(Exception error) => BackendOutages.IsOutage(error);

    protected override Task HandleAsync(ProcessRequestedV1 message, CancellationToken ct) => handler.HandleAsync(message, ct);
}
