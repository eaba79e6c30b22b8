using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Shared machinery of <see cref="QueueConsumer{T}"/> and <see cref="QueueBatchConsumer{T}"/>: a consuming
/// channel that is re-created when it or its connection closes, decoding, and the ack / retry / dead-letter
/// policy. Acks happen only after the handler returned, so a crash at any earlier point leaves the message
/// unacked and RabbitMQ redelivers it: the work queue hands a message that came back (its consumer died or lost its
/// channel holding it) to its quarantine queue. Quarantine is pulled (basic.get), one message at a time and only
/// while holding the process's exclusive <see cref="CrashSuspectGate"/> lease, so the whole process holds at most one
/// suspect when it crashes, whatever the number of quarantine queues it reads: a message that kills its process each
/// time is the only one counted, and the quarantine dead-letters it after its delivery limit, while the messages
/// that died beside it once run normally from quarantine.
/// </summary>
public abstract class QueueConsumerBase<T> : BackgroundService where T : IMessage
{
    private const int MaxErrorHeaderLength = 500;
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(10);

    private readonly BrokerConnection _broker;
    private readonly CancellationTokenSource _abort = new();
    private CancellationToken _stopping;

    private protected QueueConsumerBase(BrokerConnection broker, ILogger logger)
    {
        _broker = broker;
        Logger = logger;
    }

    protected abstract string QueueName { get; }

    /// <summary>Unacked deliveries the broker may push to this consumer at once.</summary>
    protected virtual ushort PrefetchCount => 8;

    /// <summary>Deliveries of the first attempt plus retries; after the last one fails the message is dead-lettered.</summary>
    protected virtual int MaxAttempts => 5;

    /// <summary>How often an empty quarantine queue is looked at again.</summary>
    protected virtual TimeSpan QuarantinePollInterval => TimeSpan.FromMilliseconds(500);

    /// <summary>Pause before republishing a failed message, so a briefly unavailable dependency can recover.</summary>
    protected virtual TimeSpan RetryDelay(int failedAttempt) => TimeSpan.FromMilliseconds(200 * failedAttempt);

    /// <summary>
    /// Whether <paramref name="error"/> means a backend the handler depends on (database, cache, object store) cannot
    /// be reached for now, rather than that this message failed: such a try is repeated in place after a pause and
    /// spends no attempt (see <see cref="OutageBudget"/>). No outage is recognised unless a consumer says what one is.
    /// </summary>
    protected virtual bool IsBackendOutage(Exception error) => false;

    /// <summary>
    /// How long one delivery waits out a backend outage (tries repeated in place, the message held unacked) before
    /// the failure counts as an attempt. A database restart takes seconds; an outage longer than this is treated as
    /// the message failing, so the attempts still bound how long a message can stay in flight.
    /// </summary>
    protected virtual TimeSpan OutageBudget => TimeSpan.FromMinutes(3);

    /// <summary>The pause after the first try that met an outage; it doubles on each further one up to <see cref="OutageMaxDelay"/>.</summary>
    protected virtual TimeSpan OutageFirstDelay => TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest pause between tries during an outage. Short, because the backend being back is not the end of it:
    /// Npgsql's pool keeps the connections a database restart broke (npgsql/npgsql#5073), and each try after it may
    /// draw (and discard) one of them. With a 5 s cap the pipeline took about 23 s after a Postgres restart to be back
    /// within 1 s (bench/E2E --fault restart-postgres); a try per second per waiting handler is still far from a hot loop.
    /// </summary>
    protected virtual TimeSpan OutageMaxDelay => TimeSpan.FromSeconds(1);

    protected ILogger Logger { get; }

    private protected CrashSuspectGate CrashSuspects => _broker.CrashSuspects;

    /// <summary>Cancelled only when the host's shutdown timeout expires; a graceful stop lets handlers finish.</summary>
    protected CancellationToken AbortToken => _abort.Token;

    private protected virtual ushort DispatchConcurrency => 1;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called for every delivery of the work queue on the dispatcher; must not return before the delivery is settled or handed off.</summary>
    private protected abstract Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping);

    /// <summary>Handles and settles a crash suspect pulled from the quarantine queue; the caller holds the exclusive lease.</summary>
    private protected virtual Task HandleSuspectAsync(IChannel channel, BasicDeliverEventArgs delivery) =>
        throw new InvalidOperationException($"The consumer of {QueueName} has no quarantine queue.");

    /// <summary>Called on each new channel of the work queue just before consuming starts; the task it returns is awaited when that channel's session ends.</summary>
    private protected virtual Task RunSessionAsync(CancellationToken sessionEnd) => Task.CompletedTask;

    /// <summary>Whether the queue has a quarantine queue (<see cref="MessagingTopology.QuarantineOf"/>) to consume too.</summary>
    private protected virtual bool HasQuarantine => true;

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        return HasQuarantine
            ? Task.WhenAll(
                RunLaneAsync(QueueName, ConsumeUntilClosedAsync, stoppingToken),
                RunLaneAsync(MessagingTopology.QuarantineOf(QueueName), PullSuspectsUntilClosedAsync, stoppingToken))
            : RunLaneAsync(QueueName, ConsumeUntilClosedAsync, stoppingToken);
    }

    private delegate Task LaneSession(string queue, Action onConsuming, CancellationToken stoppingToken);

    private async Task RunLaneAsync(string queue, LaneSession session, CancellationToken stoppingToken)
    {
        var initialDelay = TimeSpan.FromMilliseconds(250);
        var delay = initialDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var consuming = false;
            try
            {
                await session(queue, () => consuming = true, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Back off only while reconnecting keeps failing; a consumer that ran starts over quickly.
                delay = consuming ? initialDelay : delay;
                Logger.LogWarning(ex, "Consumer of {Queue} lost its channel; reconnecting in {Delay}", queue, delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    private async Task ConsumeUntilClosedAsync(string queue, Action onConsuming, CancellationToken stoppingToken)
    {
        var connection = await _broker.GetAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                consumerDispatchConcurrency: DispatchConcurrency), stoppingToken);
        await channel.BasicQosAsync(prefetchSize: 0, PrefetchCount, global: false, stoppingToken);

        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, args) =>
        {
            closed.TrySetResult($"channel closed: {args.ReplyText}");
            return Task.CompletedTask;
        };

        using var sessionEnd = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var session = RunSessionAsync(sessionEnd.Token);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery, stoppingToken);
        // The broker cancels a consumer whose queue was deleted while the channel stays open.
        consumer.UnregisteredAsync += (_, _) =>
        {
            closed.TrySetResult("consumer cancelled");
            return Task.CompletedTask;
        };
        var consumerTag = await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken);
        onConsuming();
        Logger.LogInformation("Consuming {Queue} with prefetch {Prefetch}", queue, PrefetchCount);

        var stopped = Task.Delay(Timeout.Infinite, stoppingToken);
        if (await Task.WhenAny(closed.Task, stopped) == closed.Task)
        {
            await sessionEnd.CancelAsync();
            await session;
            throw new ConsumerInterruptedException(queue, await closed.Task);
        }

        // Graceful stop: no new deliveries, let the running ones settle, then close; whatever is still
        // unacked (prefetched but not started) goes back to the queue.
        await TryAsync(() => channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None));
        await sessionEnd.CancelAsync();
        await session;
        await WaitForHandlersAsync();
        await TryAsync(() => channel.CloseAsync(CancellationToken.None));
    }

    /// <summary>
    /// Pulls crash suspects one at a time. The exclusive lease is taken before the fetch, so no other handler of the
    /// process runs (or is started) while a suspect is held: if it kills the process, nothing else was holding a
    /// delivery of a quarantine queue to be counted with it.
    /// </summary>
    private async Task PullSuspectsUntilClosedAsync(string queue, Action onConsuming, CancellationToken stoppingToken)
    {
        var connection = await _broker.GetAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken);
        onConsuming();
        Logger.LogInformation("Pulling crash suspects from {Queue}", queue);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Counting is cheap and takes no lease: the exclusive lease pauses the process's other handlers.
            if (await channel.MessageCountAsync(queue, stoppingToken) == 0)
            {
                await Task.Delay(QuarantinePollInterval, stoppingToken);
                continue;
            }

            using (await CrashSuspects.EnterAsync(exclusive: true, stoppingToken))
            {
                var fetched = await channel.BasicGetAsync(queue, autoAck: false, stoppingToken);
                if (fetched is null)
                {
                    continue;
                }

                var delivery = new BasicDeliverEventArgs(string.Empty, fetched.DeliveryTag, fetched.Redelivered, fetched.Exchange,
                    fetched.RoutingKey, fetched.BasicProperties, fetched.Body, stoppingToken);
                if (!await ForwardRejectedAsync(channel, delivery))
                {
                    await HandleSuspectAsync(channel, delivery);
                }
            }
        }

        await TryAsync(() => channel.CloseAsync(CancellationToken.None));
    }

    /// <summary>
    /// A delivery of the quarantine queue that a consumer of the work queue rejected (gave up on: permanent, out of
    /// attempts, undecodable) rather than died holding is passed on to the dead letters without running again.
    /// Returns whether it was one.
    /// </summary>
    private async Task<bool> ForwardRejectedAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        var death = DeadLetter.LatestDeath(delivery.BasicProperties.Headers);
        if (death is not (DeadLetter.RejectedReason, var queue) || queue != QueueName)
        {
            return false;
        }

        await SettleAsync(() => channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None));
        return true;
    }

    /// <summary>Waits for running handlers; returns early when the shutdown timeout aborts them.</summary>
    private protected virtual Task WaitForHandlersAsync() => Task.CompletedTask;

    private protected ReceivedMessage<T>? Decode(IChannel channel, BasicDeliverEventArgs delivery, out string? error)
    {
        var type = delivery.BasicProperties.Type;
        if (type is not null && type != T.MessageType)
        {
            error = $"message type '{type}' is not the '{T.MessageType}' this queue carries";
            return null;
        }

        var message = MessageJson.TryDeserialize<T>(delivery.Body.Span, out error);
        return message is null
            ? null
            : new ReceivedMessage<T>(channel, delivery.DeliveryTag, message, MessageHeaders.ReadAttempt(delivery.BasicProperties),
                delivery.Body.ToArray(), delivery.BasicProperties);
    }

    private protected async Task DeadLetterUndecodableAsync(IChannel channel, BasicDeliverEventArgs delivery, string? error)
    {
        Logger.LogError("Dead-lettering undecodable message {MessageId} from {Queue}: {Reason}",
            delivery.BasicProperties.MessageId, QueueName, error);
        await SettleAsync(() => channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None));
    }

    private protected Task AckAsync(ReceivedMessage<T> received) =>
        SettleAsync(() => received.Channel.BasicAckAsync(received.DeliveryTag, multiple: false, CancellationToken.None));

    /// <summary>
    /// Runs <paramref name="handle"/> (one try of a delivery on <paramref name="channel"/>) until it succeeds, fails for
    /// another reason than a backend outage, or the outage has lasted <see cref="OutageBudget"/>: a try that met an
    /// outage is repeated after a pause that doubles up to <see cref="OutageMaxDelay"/>, spending no attempt. The
    /// delivery stays unacked meanwhile, so what waits is bounded by the prefetch and the consumer takes nothing new.
    /// Gives up waiting (and leaves the delivery unacked, for the broker to hand out again) when the host stops or
    /// the channel closes.
    /// </summary>
    private protected async Task<TryOutcome> TryOutlastingOutagesAsync(
        IChannel channel, string? messageId, Func<Task> handle, bool outlastOutages = true)
    {
        var budget = outlastOutages ? OutageBudget : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var delay = OutageFirstDelay;
        for (var tries = 1; ; tries++)
        {
            try
            {
                await handle();
                return TryOutcome.Succeeded;
            }
            catch (OperationCanceledException) when (AbortToken.IsCancellationRequested)
            {
                return TryOutcome.LeftUnacked;
            }
            catch (Exception ex) when (IsBackendOutage(ex) && clock.Elapsed + delay <= budget)
            {
                if (!channel.IsOpen)
                {
                    return TryOutcome.LeftUnacked;
                }

                Logger.Log(tries == 1 ? LogLevel.Warning : LogLevel.Debug, ex,
                    "Message {MessageId} from {Queue} met a backend outage (try {Try}); trying again in {Delay} without spending an attempt",
                    messageId, QueueName, tries, delay);
            }
            catch (Exception ex)
            {
                return TryOutcome.Failed(ex);
            }

            try
            {
                await Task.Delay(delay, _stopping);
            }
            catch (OperationCanceledException)
            {
                return TryOutcome.LeftUnacked;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, OutageMaxDelay.Ticks));
        }
    }

    /// <summary>How the tries of a delivery ended: handled, failed with <see cref="Failure"/>, or to be left unacked.</summary>
    private protected readonly record struct TryOutcome(bool Handled, Exception? Failure)
    {
        public static TryOutcome Succeeded => new(true, null);

        public static TryOutcome LeftUnacked => new(false, null);

        public static TryOutcome Failed(Exception error) => new(false, error);
    }

    /// <summary>
    /// A handler failed: republish the message with the attempt counter raised (confirmed) and ack the original,
    /// or dead-letter it when it is permanent or out of attempts.
    /// </summary>
    private protected async Task FailAsync(ReceivedMessage<T> received, Exception error)
    {
        var permanent = error is PermanentMessageException;
        if (permanent || received.Attempt >= MaxAttempts)
        {
            Logger.LogError(error, "Dead-lettering message {MessageId} from {Queue} after attempt {Attempt}: {Reason}",
                received.Properties.MessageId, QueueName, received.Attempt, permanent ? "permanent failure" : "out of attempts");
            await SettleAsync(() => received.Channel.BasicRejectAsync(received.DeliveryTag, requeue: false, CancellationToken.None));
            return;
        }

        Logger.LogWarning(error, "Attempt {Attempt} of message {MessageId} from {Queue} failed; retrying",
            received.Attempt, received.Properties.MessageId, QueueName);
        try
        {
            await Task.Delay(RetryDelay(received.Attempt), AbortToken);
            // The retry must carry the message's own trace, not that of a batch it failed in.
            using var retry = received.Sender == default || Activity.Current?.TraceId == received.Sender.TraceId
                ? null
                : MessagingTelemetry.Source.StartActivity($"retry {QueueName}", ActivityKind.Internal, received.Sender);
            var properties = new BasicProperties(received.Properties)
            {
                Headers = new Dictionary<string, object?>(received.Properties.Headers ?? new Dictionary<string, object?>())
                {
                    [MessageHeaders.Attempt] = received.Attempt + 1,
                    [MessageHeaders.LastError] = Truncate($"{error.GetType().Name}: {error.Message}"),
                },
            };
            // The retry is a new message: it has not come back from a crash, whatever the broker said of the original.
            properties.Headers.Remove(MessageHeaders.DeliveryCount);

            // The default exchange routes straight to the queue by name, whatever the queue is bound to. The confirm
            // wait is bounded as the publisher's is: the client can wait forever for a confirm across a broker restart.
            using var confirmWait = CancellationTokenSource.CreateLinkedTokenSource(AbortToken);
            confirmWait.CancelAfter(MessagePublisher.ConfirmTimeout);
            await received.Channel.BasicPublishAsync(string.Empty, QueueName, mandatory: true, properties, received.Body, confirmWait.Token);
        }
        catch (Exception republishError)
        {
            // Not republished: leave the original unacked. Requeue it if the channel is still usable;
            // otherwise the broker requeues it when the channel closes.
            Logger.LogWarning(republishError, "Could not republish message {MessageId} to {Queue}; requeueing it",
                received.Properties.MessageId, QueueName);
            await SettleAsync(() => received.Channel.BasicNackAsync(received.DeliveryTag, multiple: false, requeue: true, CancellationToken.None));
            return;
        }

        await AckAsync(received);
    }

    private protected async Task SettleAsync(Func<ValueTask> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
            // The channel died after the work was done; the broker redelivers the message (handlers are idempotent).
            Logger.LogDebug(ex, "Could not settle a delivery from {Queue}: its channel is closed", QueueName);
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
        }
    }

    private static string Truncate(string text) => text.Length <= MaxErrorHeaderLength ? text : text[..MaxErrorHeaderLength];
}
