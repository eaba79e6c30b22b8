using RabbitMQ.Client;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Publishes persistent JSON messages to <see cref="Queues.Exchange"/> and returns only once the broker has
/// confirmed them; an unroutable message (no queue bound) fails with a PublishException instead of vanishing.
/// Thread-safe: publishes share one confirm-enabled channel and are serialised on it.
/// </summary>
public sealed class MessagePublisher(BrokerConnection broker) : IAsyncDisposable
{
    /// <summary>
    /// How long a publish waits for the broker's confirm. RabbitMQ.Client 7.2 can wait forever for a confirm owed by a
    /// channel that lived through a broker restart (rabbitmq-dotnet-client#1930): the publish would hold this
    /// publisher, and every handler publishing through it, until the process restarts.
    /// </summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public Task PublishAsync<T>(string routingKey, T message, CancellationToken ct = default) where T : IMessage =>
        PublishCoreAsync(routingKey, MessageJson.Serialize(message), T.MessageType, MessageJson.ContentType, Guid.NewGuid().ToString("N"), ct);

    /// <summary>
    /// Publishes a message body as it was received (a dead letter an operator retries), keeping its type, content
    /// type and message id; it starts over at attempt 1.
    /// </summary>
    public Task RepublishAsync(string routingKey, ReadOnlyMemory<byte> body, string? type, string? contentType, string messageId,
        CancellationToken ct = default) =>
        PublishCoreAsync(routingKey, body, type, contentType, messageId, ct);

    private async Task PublishCoreAsync(string routingKey, ReadOnlyMemory<byte> body, string? type, string? contentType, string messageId,
        CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = contentType,
            Type = type,
            MessageId = messageId,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            Headers = MessagingTelemetry.WithTraceContext(new Dictionary<string, object?> { [MessageHeaders.Attempt] = 1 }),
        };

        await _gate.WaitAsync(ct);
        try
        {
            var channel = await GetOpenChannelAsync(ct);
            using var confirmWait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            confirmWait.CancelAfter(ConfirmTimeout);
            try
            {
                await channel.BasicPublishAsync(Queues.Exchange, routingKey, mandatory: true, properties, body, confirmWait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The message may still arrive (consumers are idempotent); the channel is not trusted again. Its
                // disposal may wait on the same lost confirm, so it is not awaited.
                _channel = null;
                _ = DisposeQuietlyAsync(channel);
                throw new TimeoutException($"The broker did not confirm a message to '{routingKey}' within {ConfirmTimeout.TotalSeconds:0} s.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task DisposeQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception)
        {
            // A channel given up on: whatever it throws while closing changes nothing.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
                _channel = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<IChannel> GetOpenChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
            _channel = null;
        }

        var connection = await broker.GetAsync(ct);
        _channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return _channel;
    }
}
