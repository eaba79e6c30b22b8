using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace VisionAspire.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Maps logical service URLs to real ones from configuration, as Aspire injects them:
/// <c>http://api/path</c> uses <c>services:api:http:*</c> (env <c>services__api__http__0</c>);
/// <c>https+http://api</c> prefers <c>services:api:https:*</c> and falls back to http. Several indexes
/// (replicas) are used in turn. Hosts with no <c>services:</c> entry are left alone. Thread-safe.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, int> _nextIndex = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The real URL for <paramref name="uri"/>, or null when its host is not a configured service.</summary>
    public Uri? Resolve(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return null;
        }

        var service = uri.Host;
        var section = configuration.GetSection("services").GetSection(service);
        if (!section.Exists())
        {
            if (uri.Scheme.Contains('+'))
            {
                throw new InvalidOperationException(
                    $"Service '{service}' has no configured endpoint: set services__{service}__http__0 (for example http://127.0.0.1:5000).");
            }
            return null;
        }

        foreach (var endpointName in uri.Scheme.Split('+'))
        {
            var candidates = section.GetSection(endpointName).GetChildren()
                .Select(child => child.Value)
                .Where(value => !string.IsNullOrWhiteSpace(value))
                .ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }

            var index = (_nextIndex.AddOrUpdate($"{service}/{endpointName}", 0, (_, i) => i + 1) & int.MaxValue) % candidates.Length;
            if (!Uri.TryCreate(candidates[index], UriKind.Absolute, out var target))
            {
                throw new InvalidOperationException($"services__{service}__{endpointName} value '{candidates[index]}' is not an absolute URL.");
            }
            return new UriBuilder(uri)
            {
                Scheme = target.Scheme,
                Host = target.Host,
                Port = target.Port,
            }.Uri;
        }

        throw new InvalidOperationException(
            $"Service '{service}' has no '{uri.Scheme}' endpoint configured: set services__{service}__{uri.Scheme.Split('+')[^1]}__0.");
    }
}
