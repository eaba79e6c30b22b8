namespace VisionAspire.Api.RateLimiting;

public static class RateLimitingSetup
{
    public static void AddVisionRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<RedisTokenBucket>();
    }

    /// <summary>After authentication (callers are known) and before authorization (unauthenticated callers are charged by IP).</summary>
    public static void UseVisionRateLimiting(this WebApplication app) => app.UseMiddleware<RateLimitMiddleware>();
}
