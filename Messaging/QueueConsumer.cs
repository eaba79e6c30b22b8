using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Consumes <typeparamref name="T"/> from <see cref="QueueConsumerBase{T}.QueueName"/> one message per handler
/// call, on its own channel. A message is acked only after <see cref="HandleAsync"/> returned (after the
/// handler's database write); a handler exception republishes it with x-attempt + 1 until
/// <see cref="QueueConsumerBase{T}.MaxAttempts"/>, then dead-letters it (a try that met a backend outage is repeated in
/// place and spends no attempt, see <see cref="QueueConsumerBase{T}.OutageBudget"/>); <see cref="PermanentMessageException"/>
/// and undecodable bodies are dead-lettered at once. A crash suspect (a redelivery after its consumer died holding it)
/// runs alone, pulled from the quarantine queue (see <see cref="QueueConsumerBase{T}"/>). Handlers run one at a time unless
/// <see cref="ConcurrentHandlers"/> is raised, so they must be thread-safe only in that case.
/// </summary>
public abstract class QueueConsumer<T> : QueueConsumerBase<T> where T : IMessage
{
    private readonly InFlightCounter _inFlight = new();

    protected QueueConsumer(BrokerConnection broker, ILogger logger) : base(broker, logger)
    {
    }

    /// <summary>How many handlers may run at once on this consumer's channel (at most <see cref="QueueConsumerBase{T}.PrefetchCount"/> matter).</summary>
    protected virtual ushort ConcurrentHandlers => 1;

    private protected override ushort DispatchConcurrency => ConcurrentHandlers;

    /// <summary>Handles one message. <paramref name="ct"/> fires only when the host's shutdown timeout expires.</summary>
    protected abstract Task HandleAsync(T message, CancellationToken ct);

    private protected override async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return; // left unacked: requeued when the channel closes
        }

        _inFlight.Enter();
        try
        {
            IDisposable gate;
            try
            {
                gate = await CrashSuspects.EnterAsync(exclusive: false, stopping);
            }
            catch (OperationCanceledException)
            {
                return; // stopping: left unacked, requeued when the channel closes
            }

            using (gate)
            {
                await HandleAndSettleAsync(channel, delivery);
            }
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private protected override Task HandleSuspectAsync(IChannel channel, BasicDeliverEventArgs delivery) =>
        HandleAndSettleAsync(channel, delivery);

    private async Task HandleAndSettleAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        using var activity = MessagingTelemetry.StartProcessing(QueueName, MessagingTelemetry.SenderContext(delivery.BasicProperties),
            delivery.BasicProperties.MessageId, MessageHeaders.ReadAttempt(delivery.BasicProperties));
        var received = Decode(channel, delivery, out var error);
        if (received is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
            await DeadLetterUndecodableAsync(channel, delivery, error);
            return;
        }

        var outcome = await TryOutlastingOutagesAsync(channel, delivery.BasicProperties.MessageId, () => HandleAsync(received.Message, AbortToken));
        if (outcome.Failure is { } failure)
        {
            activity?.AddException(failure).SetStatus(ActivityStatusCode.Error, failure.Message);
            await FailAsync(received, failure);
        }
        else if (outcome.Handled)
        {
            await AckAsync(received);
        }
        // Otherwise stopping (or the shutdown timeout) ended the tries: left unacked, redelivered later.
    }

    private protected override async Task WaitForHandlersAsync()
    {
        try
        {
            await _inFlight.WhenIdleAsync().WaitAsync(AbortToken);
        }
        catch (OperationCanceledException)
        {
            Logger.LogWarning("Stopped consuming {Queue} with handlers still running", QueueName);
        }
    }
}
