using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VisionAspire.ServiceDefaults.Resilience;

internal static class ResilienceServiceCollectionExtensions
{
    public static IServiceCollection AddHttpResilience(this IServiceCollection services)
    {
        services.AddOptions<HttpResilienceOptions>();
        services.TryAddSingleton<HttpResiliencePipelines>();
        services.TryAddTransient<ResilienceHandler>();
        return services;
    }
}
