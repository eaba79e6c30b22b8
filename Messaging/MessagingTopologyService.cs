using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace VisionAspire.Messaging;

/// <summary>Declares the topology during host start-up, retrying while the broker is not reachable yet.</summary>
public sealed class MessagingTopologyService(IConnection connection, ILogger<MessagingTopologyService> logger) : IHostedService
{
    private const int MaxAttempts = 30;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MessagingTopology.DeclareAsync(connection, cancellationToken);
                logger.LogInformation("RabbitMQ topology declared");
                return;
            }
            catch (Exception ex) when (ex is AlreadyClosedException or BrokerUnreachableException && attempt < MaxAttempts)
            {
                logger.LogWarning("RabbitMQ not ready for topology declaration (attempt {Attempt}): {Reason}", attempt, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
