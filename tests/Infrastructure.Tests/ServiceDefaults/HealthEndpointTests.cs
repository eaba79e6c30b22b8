using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/alive")]
    [InlineData("/health/live")]
    public async Task Every_probe_answers_healthy_over_real_http(string path)
    {
        await using var app = await TestWebApp.StartAsync();

        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_dependency_fails_readiness_but_not_liveness_until_it_recovers()
    {
        var dependencyUp = false;
        await using var app = await TestWebApp.StartAsync(configureBuilder: builder =>
            builder.Services.AddHealthChecks().AddCheck("dependency",
                () => dependencyUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down")));

        foreach (var ready in new[] { "/health", "/health/ready" })
        {
            using var health = await app.Http.GetAsync(ready);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        }
        foreach (var live in new[] { "/alive", "/health/live" })
        {
            using var alive = await app.Http.GetAsync(live);
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        dependencyUp = true;
        using var recovered = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task A_degraded_dependency_keeps_the_service_ready_and_says_so()
    {
        await using var app = await TestWebApp.StartAsync(configureBuilder: builder =>
            builder.Services.AddHealthChecks().AddCheck("cache", () => HealthCheckResult.Degraded("cache down")));

        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }
}
