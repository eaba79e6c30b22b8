using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Messaging;
using VisionAspire.Shared;
using VisionAspire.Workers.Gpu.Faults;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Pulls several inference requests at once and runs them in parallel on the shared sessions
/// (the models have a fixed batch of 1, so "batching" means concurrent runs). Replicas share the queue.
/// </summary>
public abstract class InferenceConsumer(
    BrokerConnection broker, InferenceHandler handler, FaultInjection faults, IOptions<WorkerInferenceOptions> options, ILogger logger)
    : QueueBatchConsumer<InferenceRequestedV1>(broker, logger)
{
    protected override int BatchSize => options.Value.BatchSize;

    protected override bool IsBackendOutage(Exception error) => BackendOutages.IsOutage(error);

    protected override Task HandleBatchAsync(IReadOnlyList<InferenceRequestedV1> messages, CancellationToken ct) =>
        Task.WhenAll(messages.Select(m => Task.Run(async () =>
        {
            using var activity = StartProcessing(m);
            await faults.CrashIfPoisonAsync(m.ImageId, ct);
            await handler.HandleAsync(m, ct);
        }, ct)));
}

public sealed class FaceInferenceConsumer(
    BrokerConnection broker, InferenceHandler handler, FaultInjection faults, IOptions<WorkerInferenceOptions> options,
    ILogger<FaceInferenceConsumer> logger)
    : InferenceConsumer(broker, handler, faults, options, logger)
{
    protected override string QueueName => Queues.InferFace;
}

public sealed class ObjectInferenceConsumer(
    BrokerConnection broker, InferenceHandler handler, FaultInjection faults, IOptions<WorkerInferenceOptions> options,
    ILogger<ObjectInferenceConsumer> logger)
    : InferenceConsumer(broker, handler, faults, options, logger)
{
    protected override string QueueName => Queues.InferObject;
}
