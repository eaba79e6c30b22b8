using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VisionAspire.Storage;

namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>
/// Asks the store about a probe key: proves it is reachable (and, for S3, that the bucket exists). The store is
/// resolved here, not when the check is created, so a bad connection string is reported as unhealthy.
/// </summary>
internal sealed class ObjectStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await services.GetRequiredService<IObjectStore>().ExistsAsync("health/probe", cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
