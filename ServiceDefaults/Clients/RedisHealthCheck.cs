using Microsoft.Extensions.Diagnostics.HealthChecks;
using VisionAspire.Redis;

namespace VisionAspire.ServiceDefaults.Clients;

internal sealed class RedisHealthCheck(IRedisClient redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await redis.ExecuteAsync("PING").WaitAsync(cancellationToken).ConfigureAwait(false);
            return reply.AsString() == "PONG" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"PING answered {reply}");
        }
        catch (RedisException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
