using System.Net;
using System.Net.Http.Json;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api's per-key token bucket on a real Redis, with a refill too slow to matter (one token a minute), so the
/// bucket's arithmetic shows in whole requests; then Redis stopped (the limiter fails open) and started again.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;

    private ServersWithApi _topology = null!;

    private sealed record CreatedUser(Guid Id);

    private sealed record CreatedKey(string Key);

    public async Task InitializeAsync()
    {
        _topology = await ServersWithApi.StartServersAsync();
        await _topology.StartApiAsync(("Vision__RateLimit__PerMinute", "1"), ("Vision__RateLimit__Burst", Burst.ToString()));
    }

    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_key_spends_exactly_its_burst_then_gets_429_and_is_not_limited_while_redis_is_down()
    {
        using var user = await CreateUserClientAsync();

        for (var remaining = Burst - 1; remaining >= 0; remaining--)
        {
            using var allowed = await user.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(remaining.ToString(), Header(allowed, "RateLimit-Remaining"));
        }

        using (var refused = await user.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            // One token a minute: the next one is most of a minute away.
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        }

        await _topology.Servers.StopAsync(TestServers.Redis);
        for (var i = 0; i < Burst + 2; i++)
        {
            using var failOpen = await user.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.OK, failOpen.StatusCode);
            Assert.False(failOpen.Headers.Contains("RateLimit-Remaining"));
        }

        await _topology.Servers.StartAsync(TestServers.Redis);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            // Limiting resumes once the connection is back: a fresh (or the kept) bucket is spent within a burst.
            using var response = await user.GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "rate limiting did not resume within a minute of Redis starting");
            await Task.Delay(200);
        }
    }

    private async Task<HttpClient> CreateUserClientAsync()
    {
        using var created = await _topology.Api.Http.PostAsJsonAsync("/api/v1/users", new { email = $"limited-{Guid.NewGuid():N}@example.com" });
        created.EnsureSuccessStatusCode();
        var user = (await created.Content.ReadFromJsonAsync<CreatedUser>())!;
        using var keyResponse = await _topology.Api.Http.PostAsJsonAsync($"/api/v1/users/{user.Id}/keys", new { name = "limited" });
        keyResponse.EnsureSuccessStatusCode();
        var key = (await keyResponse.Content.ReadFromJsonAsync<CreatedKey>())!;

        var client = new HttpClient { BaseAddress = _topology.Api.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add(TestKeys.Header, key.Key);
        return client;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
