using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>Healthy while the connection is open (it recovers by itself after a broker restart).</summary>
internal sealed class RabbitMQHealthCheck(Lazy<Task<IConnection>> connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var open = await connection.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            return open.IsOpen
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"Connection closed: {open.CloseReason}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
