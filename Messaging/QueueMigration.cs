using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace VisionAspire.Messaging;

/// <summary>
/// Declares a queue with given arguments, replacing a queue of that name that exists with other arguments (the
/// broker refuses such a declaration with PRECONDITION_FAILED and closes the channel). The replacement keeps every
/// ready message: they are moved, each confirmed before it is acked, into the holding queue <c>{queue}.migrating</c>;
/// the old queue is deleted once it is empty and declared anew; the messages move back. An interrupted migration
/// resumes on the next declaration, which empties a leftover holding queue. Consumers of the old queue are
/// cancelled when it is deleted (ours reconnect to the new one); messages they held unacknowledged go with it.
/// </summary>
internal sealed class QueueMigration(IConnection connection, string queue, IDictionary<string, object?> arguments, ILogger logger)
{
    private const ushort PreconditionFailed = 406;
    private const ushort NotFound = 404;
    private const int MaxRounds = 20;

    private string HoldingQueue => $"{queue}.migrating";

    public async Task DeclareAsync(CancellationToken ct)
    {
        for (var round = 1; !await TryDeclareAsync(ct); round++)
        {
            if (round == MaxRounds)
            {
                throw new InvalidOperationException(
                    $"Queue {queue} could not be migrated in {MaxRounds} rounds: something keeps publishing to it or re-creating it.");
            }

            logger.LogWarning(
                "Queue {Queue} exists with other arguments (a classic queue of an earlier version, or another delivery limit); " +
                "migrating it: its messages move to {Holding}, it is deleted and declared again, and they move back (round {Round})",
                queue, HoldingQueue, round);
            var moved = await MoveAllAsync(queue, HoldingQueue, ct);
            logger.LogInformation("Moved {Count} message(s) from {Queue} to {Holding}", moved, queue, HoldingQueue);
            await TryDeleteIfEmptyAsync(queue, ct);
        }

        if (await ExistsAsync(HoldingQueue, ct))
        {
            var restored = await MoveAllAsync(HoldingQueue, queue, ct);
            await TryDeleteIfEmptyAsync(HoldingQueue, ct);
            logger.LogInformation("Queue {Queue} migrated; {Count} message(s) moved back into it", queue, restored);
        }
    }

    private async Task<bool> TryDeclareAsync(CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: ct);
            await channel.CloseAsync(ct);
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            return false;
        }
    }

    private async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await channel.QueueDeclarePassiveAsync(name, ct);
            await channel.CloseAsync(ct);
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            return false;
        }
    }

    /// <summary>Moves the ready messages of <paramref name="from"/> into <paramref name="to"/>, declaring a holding queue first.</summary>
    private async Task<int> MoveAllAsync(string from, string to, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        if (to == HoldingQueue)
        {
            await channel.QueueDeclareAsync(HoldingQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: ct);
        }

        var moved = 0;
        while (await channel.BasicGetAsync(from, autoAck: false, ct) is { } message)
        {
            // The default exchange routes by queue name; the publish returns once the broker confirmed it.
            await channel.BasicPublishAsync(string.Empty, to, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }

        await channel.CloseAsync(ct);
        return moved;
    }

    private async Task TryDeleteIfEmptyAsync(string name, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: true, cancellationToken: ct);
            await channel.CloseAsync(ct);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            logger.LogInformation("Queue {Queue} received messages while being emptied; moving them too", name);
        }
    }
}
