using Microsoft.Extensions.DependencyInjection;
using VisionAspire.AppHost.Extensions;

namespace Aspire.Hosting;

public static class RestartExtensions
{
    /// <summary>Services and servers that crash are started again, with back-off (see <see cref="CrashedResourceRestarter"/>).</summary>
    public static IDistributedApplicationBuilder RestartCrashedResources(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<CrashedResourceRestarter>();
        return builder;
    }
}
