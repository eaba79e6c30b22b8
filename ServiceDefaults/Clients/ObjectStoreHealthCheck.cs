using Microsoft.Extensions.Diagnostics.HealthChecks;
using VisionAspire.Storage;

namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>Asks the store about a probe key: proves it is reachable (and, for S3, that the bucket exists).</summary>
internal sealed class ObjectStoreHealthCheck(IObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ExistsAsync("health/probe", cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
