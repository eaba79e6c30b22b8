using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VisionAspire.ServiceDefaults.Resilience;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class ResilienceTests
{
    /// <summary>A real HTTP server whose /flaky fails with <paramref name="failure"/> for the first N calls.</summary>
    private static Task<TestWebApp> StartFlakyServerAsync(int failures, int failure, Action<int>? onCall = null)
    {
        var calls = 0;
        return TestWebApp.StartAsync(serviceDefaults: false, configureApp: app =>
            app.MapMethods("/flaky", ["GET", "POST"], async (HttpContext context) =>
            {
                var call = Interlocked.Increment(ref calls);
                onCall?.Invoke(call);
                if (context.Request.Method == "POST")
                {
                    using var reader = new StreamReader(context.Request.Body);
                    var body = await reader.ReadToEndAsync();
                    Assert.Equal("payload", body);
                }
                return call <= failures ? Results.StatusCode(failure) : Results.Text($"ok after {call}");
            }));
    }

    private static Task<TestWebApp> StartCallerAsync(Uri backend, int maxRetries = 3) =>
        TestWebApp.StartAsync(new Dictionary<string, string?>
        {
            ["services:flaky:http:0"] = backend.ToString().TrimEnd('/'),
        }, configureBuilder: builder => builder.Services.Configure<HttpResilienceOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryAttempts = maxRetries;
        }));

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Transient_failures_are_retried_until_success(int status)
    {
        var calls = 0;
        await using var backend = await StartFlakyServerAsync(failures: 2, status, c => calls = c);
        await using var caller = await StartCallerAsync(backend.Address);

        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        Assert.Equal("ok after 3", await client.GetStringAsync("http://flaky/flaky"));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Request_body_is_sent_again_on_retry()
    {
        await using var backend = await StartFlakyServerAsync(failures: 1, 503);
        await using var caller = await StartCallerAsync(backend.Address);

        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        using var response = await client.PostAsync("http://flaky/flaky", new StringContent("payload"));
        Assert.Equal("ok after 2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var calls = 0;
        await using var backend = await StartFlakyServerAsync(failures: 5, 404, c => calls = c);
        await using var caller = await StartCallerAsync(backend.Address);

        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        using var response = await client.GetAsync("http://flaky/flaky");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_is_returned()
    {
        var calls = 0;
        await using var backend = await StartFlakyServerAsync(failures: 100, 503, c => calls = c);
        await using var caller = await StartCallerAsync(backend.Address, maxRetries: 2);

        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        using var response = await client.GetAsync("http://flaky/flaky");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_surfaces_as_HttpRequestException()
    {
        var port = VisionAspire.TestSupport.FreePort.Get();
        await using var caller = await StartCallerAsync(new Uri($"http://127.0.0.1:{port}"), maxRetries: 1);
        var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://flaky/flaky"));
    }
}
