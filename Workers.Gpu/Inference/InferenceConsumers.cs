using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Pulls several inference requests at once and runs them in parallel on the shared sessions
/// (the models have a fixed batch of 1, so "batching" means concurrent runs). Replicas share the queue.
/// </summary>
public abstract class InferenceConsumer(
    IConnection connection, InferenceHandler handler, IOptions<WorkerInferenceOptions> options, ILogger logger)
    : QueueBatchConsumer<InferenceRequestedV1>(connection, logger)
{
    protected override int BatchSize => options.Value.BatchSize;

    protected override Task HandleBatchAsync(IReadOnlyList<InferenceRequestedV1> messages, CancellationToken ct) =>
        Task.WhenAll(messages.Select(m => Task.Run(() => handler.HandleAsync(m, ct), ct)));
}

public sealed class FaceInferenceConsumer(
    IConnection connection, InferenceHandler handler, IOptions<WorkerInferenceOptions> options, ILogger<FaceInferenceConsumer> logger)
    : InferenceConsumer(connection, handler, options, logger)
{
    protected override string QueueName => Queues.InferFace;
}

public sealed class ObjectInferenceConsumer(
    IConnection connection, InferenceHandler handler, IOptions<WorkerInferenceOptions> options, ILogger<ObjectInferenceConsumer> logger)
    : InferenceConsumer(connection, handler, options, logger)
{
    protected override string QueueName => Queues.InferObject;
}
