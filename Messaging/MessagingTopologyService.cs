using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;

namespace VisionAspire.Messaging;

/// <summary>
/// Declares the topology once the broker is reachable, retrying in the background so the host starts (and answers
/// health probes) meanwhile; its health check keeps the service unready until the topology is declared.
/// Consumers retry on their own until their queue exists.
/// </summary>
public sealed class MessagingTopologyService(
    BrokerConnection broker, IOptions<MessagingOptions> options, ILogger<MessagingTopologyService> logger)
    : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "messaging-topology";

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource _declared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the exchanges and queues are declared.</summary>
    public Task Declared => _declared.Task;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Declared.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The RabbitMQ topology is not declared yet."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MessagingTopology.DeclareAsync(await broker.GetAsync(stoppingToken), options.Value, logger, stoppingToken);
                logger.LogInformation("RabbitMQ topology declared");
                _declared.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is AlreadyClosedException or BrokerUnreachableException or OperationInterruptedException
                                       && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("RabbitMQ not ready for topology declaration (attempt {Attempt}): {Reason}", attempt, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
