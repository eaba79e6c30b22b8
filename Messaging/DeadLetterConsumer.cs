using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Consumes <see cref="Queues.DeadLetter"/>, whatever type each message had, one at a time. A dead letter is acked
/// after <see cref="HandleAsync"/> returned; when it throws (its database is down) the dead letter is requeued after
/// a pause, so none is lost and none is dropped for being unreadable. The handler must be idempotent: the broker
/// delivers each dead letter at least once.
/// </summary>
public abstract class DeadLetterConsumer(BrokerConnection broker, ILogger logger, TimeProvider time)
    : QueueConsumerBase<DeadLetter>(broker, logger)
{
    private static readonly TimeSpan RequeueDelay = TimeSpan.FromSeconds(1);

    protected sealed override string QueueName => Queues.DeadLetter;

    protected TimeProvider Time { get; } = time;

    protected abstract Task HandleAsync(DeadLetter letter, CancellationToken ct);

    private protected override bool HasQuarantine => false;

    private protected override async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return; // left unacked: requeued when the channel closes
        }

        var letter = DeadLetter.Read(delivery, Time.GetUtcNow());
        try
        {
            await HandleAsync(letter, AbortToken);
        }
        catch (OperationCanceledException) when (AbortToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Recording dead letter {MessageId} from {Queue} failed; requeueing it", letter.MessageId, letter.Queue);
            await PauseAsync(stopping);
            await SettleAsync(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None));
            return;
        }

        await SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None));
    }

    private static async Task PauseAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(RequeueDelay, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
