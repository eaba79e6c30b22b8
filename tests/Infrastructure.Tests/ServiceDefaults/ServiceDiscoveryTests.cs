using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VisionAspire.ServiceDefaults.ServiceDiscovery;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class ServiceDiscoveryTests
{
    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build());

    [Fact]
    public void Http_service_name_resolves_to_configured_endpoint_keeping_path_and_query()
    {
        var resolver = Resolver(("services:api:http:0", "http://127.0.0.1:5123"));
        Assert.Equal(new Uri("http://127.0.0.1:5123/api/v1/images?page=2"), resolver.Resolve(new Uri("http://api/api/v1/images?page=2")));
    }

    [Fact]
    public void Https_plus_http_prefers_https_then_falls_back_to_http()
    {
        var httpOnly = Resolver(("services:api:http:0", "http://127.0.0.1:5123"));
        Assert.Equal(new Uri("http://127.0.0.1:5123/x"), httpOnly.Resolve(new Uri("https+http://api/x")));

        var both = Resolver(("services:api:http:0", "http://127.0.0.1:5123"), ("services:api:https:0", "https://127.0.0.1:7443"));
        Assert.Equal(new Uri("https://127.0.0.1:7443/x"), both.Resolve(new Uri("https+http://api/x")));
    }

    [Fact]
    public void Replicas_are_used_in_turn()
    {
        var resolver = Resolver(("services:api:http:0", "http://127.0.0.1:5001"), ("services:api:http:1", "http://127.0.0.1:5002"));
        var ports = Enumerable.Range(0, 4).Select(_ => resolver.Resolve(new Uri("http://api/"))!.Port).ToArray();
        Assert.Equal([5001, 5002, 5001, 5002], ports);
    }

    [Fact]
    public void Unknown_hosts_pass_through_and_unknown_services_with_plus_scheme_throw()
    {
        var resolver = Resolver(("services:api:http:0", "http://127.0.0.1:5123"));
        Assert.Null(resolver.Resolve(new Uri("http://example.test/x")));
        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("https+http://worker/x")));
        Assert.Contains("services__worker__http__0", error.Message);
    }

    [Fact]
    public void Environment_variable_shape_is_read()
    {
        Environment.SetEnvironmentVariable("services__envsvc__http__0", "http://127.0.0.1:6001");
        try
        {
            var resolver = new ServiceEndpointResolver(new ConfigurationBuilder().AddEnvironmentVariables().Build());
            Assert.Equal(6001, resolver.Resolve(new Uri("http://envsvc/"))!.Port);
        }
        finally
        {
            Environment.SetEnvironmentVariable("services__envsvc__http__0", null);
        }
    }

    [Fact]
    public async Task HttpClients_reach_a_service_by_name()
    {
        await using var backend = await TestWebApp.StartAsync(serviceDefaults: false,
            configureApp: app => app.MapGet("/whoami", () => "backend"));
        await using var caller = await TestWebApp.StartAsync(new Dictionary<string, string?>
        {
            ["services:backend:http:0"] = backend.Address.ToString().TrimEnd('/'),
        }, configureBuilder: builder =>
        {
            builder.Services.AddHttpClient("plain", c => c.BaseAddress = new Uri("http://backend"));
        });

        var factory = caller.Services.GetRequiredService<IHttpClientFactory>();
        Assert.Equal("backend", await factory.CreateClient("plain").GetStringAsync("/whoami"));

        // Absolute "https+http://" request URIs work on any client from the factory.
        using var response = await factory.CreateClient().GetAsync("https+http://backend/whoami");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend", await response.Content.ReadAsStringAsync());
    }
}
