using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_and_alive_answer_healthy_over_real_http()
    {
        await using var app = await TestWebApp.StartAsync();

        using var health = await app.Http.GetAsync("/health");
        using var alive = await app.Http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Failing_readiness_check_fails_health_but_not_alive()
    {
        var dependencyUp = false;
        await using var app = await TestWebApp.StartAsync(configureBuilder: builder =>
            builder.Services.AddHealthChecks().AddCheck("dependency",
                () => dependencyUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"), ["ready"]));

        using (var health = await app.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        }
        using (var alive = await app.Http.GetAsync("/alive"))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        dependencyUp = true;
        using var recovered = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
