namespace VisionAspire.Api.RateLimiting;

/// <summary>Per-caller token bucket (<c>Vision:RateLimit</c>), shared by every Api replica through Redis.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Vision:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added per minute: the sustained rate of cost-1 requests.</summary>
    public int PerMinute { get; set; } = 600;

    /// <summary>Bucket size: how much a caller may spend at once after being idle.</summary>
    public int Burst { get; set; } = 60;

    /// <summary>Cost of a POST/PUT/PATCH/DELETE (uploads, AI and image operations); reads cost 1.</summary>
    public int WriteCost { get; set; } = 5;
}
