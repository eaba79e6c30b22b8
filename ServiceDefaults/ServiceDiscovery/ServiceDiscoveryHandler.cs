namespace VisionAspire.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Rewrites each request's service-name URL to a configured endpoint. The original URL is kept on the
/// request so a retry resolves again (possibly to another replica).
/// </summary>
internal sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Uri> OriginalUri = new("VisionAspire.ServiceDiscovery.OriginalUri");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } current)
        {
            if (!request.Options.TryGetValue(OriginalUri, out var original))
            {
                original = current;
                request.Options.Set(OriginalUri, original);
            }
            if (resolver.Resolve(original) is { } resolved)
            {
                request.RequestUri = resolved;
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
