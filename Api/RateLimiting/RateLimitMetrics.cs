using System.Diagnostics.Metrics;

namespace VisionAspire.Api.RateLimiting;

public static class RateLimitMetrics
{
    public const string MeterName = "VisionAspire.Api.RateLimit";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "visionaspire.ratelimit.rejected", "{request}", "Requests refused with 429.");

    private static readonly Counter<long> Unavailable = Meter.CreateCounter<long>(
        "visionaspire.ratelimit.unavailable", "{request}", "Requests let through unlimited because Redis could not be asked (fail open).");

    public static void RequestRejected() => Rejected.Add(1);

    public static void LimiterUnavailable() => Unavailable.Add(1);
}
