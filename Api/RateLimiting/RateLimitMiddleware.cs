using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VisionAspire.Api.Auth;

namespace VisionAspire.Api.RateLimiting;

/// <summary>
/// Charges every <c>/api</c> request to its caller's bucket: the API key when authenticated, else the client IP
/// (so key guessing is throttled too). Admins are exempt. Answers 429 problem details with <c>Retry-After</c>; every
/// limited response carries <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>. When
/// Redis cannot be asked the request goes through (fail open) and <see cref="RateLimitMetrics"/> counts it.
/// </summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next, RedisTokenBucket buckets, IOptionsMonitor<RateLimitOptions> options, ILogger<RateLimitMiddleware> logger)
{
    private static readonly PathString ApiPrefix = "/api";

    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.CurrentValue;
        if (!limits.Enabled || !context.Request.Path.StartsWithSegments(ApiPrefix) || context.User.IsAdmin())
        {
            await next(context);
            return;
        }

        RedisTokenBucket.Decision decision;
        try
        {
            decision = await buckets.TakeAsync(CallerOf(context), limits, CostOf(context.Request, limits));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            RateLimitMetrics.LimiterUnavailable();
            logger.LogWarning("Rate limiter unavailable, request not limited: {Reason}", ex.Message);
            await next(context);
            return;
        }

        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = limits.Burst.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = ((int)Math.Floor(decision.Remaining)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Seconds(decision.UntilFull);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        RateLimitMetrics.RequestRejected();
        headers.RetryAfter = Seconds(decision.RetryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The rate limit ({limits.PerMinute} per minute, bursts of {limits.Burst}; writes cost {limits.WriteCost}) is spent; retry after {Seconds(decision.RetryAfter)} s.",
            },
        });
    }

    private static string CallerOf(HttpContext context) =>
        context.User.ApiKeyId() is { } keyId ? $"key:{keyId}" : $"ip:{context.Connection.RemoteIpAddress}";

    private static int CostOf(HttpRequest request, RateLimitOptions limits) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ? 1 : limits.WriteCost;

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
