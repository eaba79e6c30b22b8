using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class DirectEndpointExtensions
{
    /// <summary>
    /// Clients reach the service's http endpoint directly instead of through DCP's proxy, which would relay every
    /// upload through one more process and copy. The launch profile's port is kept for `make run`; under
    /// Aspire.Hosting.Testing (random ports) Aspire allocates a free one instead. Only for a single-replica service:
    /// replicas need the proxy to share a port.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDirectHttpEndpoint(this IResourceBuilder<ProjectResource> project)
    {
        var randomPorts = project.ApplicationBuilder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");
        return project.WithEndpoint("http", endpoint =>
        {
            endpoint.IsProxied = false;
            if (randomPorts)
            {
                endpoint.Port = null;
            }
        });
    }
}
