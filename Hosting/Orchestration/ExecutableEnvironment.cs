using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>The environment Aspire injects into a project in run mode, with our values.</summary>
internal static class ExecutableEnvironment
{
    public static async Task<List<KeyValuePair<string, string>>> BuildAsync(
        ExecutableResource resource, int replica, string instanceId, Func<IResource, ResourceRuntime> runtimes, CancellationToken ct)
    {
        var own = runtimes(resource);
        var environment = new List<KeyValuePair<string, string>>
        {
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
        };

        if (own.Ports.TryGetValue((replica, "http"), out var httpPort))
        {
            environment.Add(new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"));
            environment.Add(new("HTTP_PORTS", httpPort.ToString()));
            environment.Add(new("ASPNETCORE_URLS", $"http://127.0.0.1:{httpPort}"));
        }

        foreach (var reference in resource.References)
        {
            if (reference is IResourceWithConnectionString)
            {
                var connectionString = await runtimes(reference).ConnectionString.Task.WaitAsync(ct);
                environment.Add(new($"ConnectionStrings__{reference.Name}", connectionString));
            }
            else
            {
                foreach (var ((index, endpoint), port) in runtimes(reference).Ports.Where(p => p.Key.Replica == 0))
                {
                    environment.Add(new($"services__{reference.Name}__{endpoint}__0", $"http://127.0.0.1:{port}"));
                }
            }
        }

        environment.Add(new("OTEL_SERVICE_NAME", resource.Name));
        environment.Add(new("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instanceId}"));
        if (Environment.GetEnvironmentVariable("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL") is { Length: > 0 } collector)
        {
            environment.Add(new("OTEL_EXPORTER_OTLP_ENDPOINT", collector));
            environment.Add(new("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        }
        environment.Add(new("OTEL_BSP_SCHEDULE_DELAY", "1000"));
        environment.Add(new("OTEL_BLRP_SCHEDULE_DELAY", "1000"));
        environment.Add(new("OTEL_METRIC_EXPORT_INTERVAL", "1000"));
        environment.Add(new("OTEL_TRACES_SAMPLER", "always_on"));
        environment.Add(new("ASPNETCORE_ENVIRONMENT", "Development"));
        environment.Add(new("DOTNET_ENVIRONMENT", "Development"));
        environment.AddRange(resource.Environment);
        return environment;
    }
}
