using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using VisionAspire.Infrastructure.Tests.Redis;
using VisionAspire.Infrastructure.Tests.ServiceDefaults;
using VisionAspire.Shared;
using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.Shared;

/// <summary>Redis is only a cache: with the real server stopped, reads fall back to the store and health says Degraded.</summary>
public sealed class CacheClientTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string StorageKey = "originals/cache-client-test";

    [Fact]
    public async Task Redis_down_degrades_health_and_originals_come_from_the_store_until_it_is_back()
    {
        using var root = new TempDirectory();
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:cache"] = redis.ConnectionString,
                ["ConnectionStrings:storage"] = $"Path={root.Path}",
            },
            builder =>
            {
                builder.AddCacheClient("cache");
                builder.AddObjectStoreClient("storage");
                builder.Services.AddSingleton<OriginalImageSource>();
            });
        var cache = app.Services.GetRequiredService<IDatabase>();
        var originals = app.Services.GetRequiredService<OriginalImageSource>();
        var imageId = Guid.NewGuid();
        await app.Services.GetRequiredService<IObjectStore>().PutAsync(StorageKey, new byte[] { 1, 2, 3 }, "image/png");
        await cache.StringSetAsync(CacheKeys.OriginalBytes(imageId), new byte[] { 9 });

        Assert.Equal([9], await originals.ReadAsync(imageId, StorageKey, CancellationToken.None));
        Assert.Equal("Healthy", await HealthAsync(app));

        await redis.StopAsync();
        try
        {
            Assert.Equal([1, 2, 3], await originals.ReadAsync(imageId, StorageKey, CancellationToken.None));
            Assert.Equal("Degraded", await HealthAsync(app));
            await Assert.ThrowsAsync<RedisConnectionException>(() => cache.StringSetAsync("k", "v"));
        }
        finally
        {
            await redis.StartAsync();
        }

        await WaitUntilAsync(async () => await HealthAsync(app) == "Healthy");
        Assert.True(await cache.StringSetAsync("after-restart", "v"));
    }

    /// <summary>The /health body; the status code is 200 for both Healthy and Degraded.</summary>
    private static async Task<string> HealthAsync(TestWebApp app)
    {
        using var response = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within a minute");
            await Task.Delay(200);
        }
    }
}
