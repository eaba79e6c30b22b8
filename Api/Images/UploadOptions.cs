namespace VisionAspire.Api.Images;

/// <summary>Edge limits for uploads, bound from the "Vision:Upload" configuration section.</summary>
public sealed class UploadOptions
{
    public const string Section = "Vision:Upload";

    /// <summary>Largest accepted request body (all files together), in bytes. Default 50 MB.</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest accepted width*height, checked from the header before any decode.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Most files in one request.</summary>
    public int MaxFiles { get; set; } = 100;

    /// <summary>
    /// The sweeper's grace period (it runs every half of it): uploads whose publish failed are published again on each
    /// run; rows a previous Api process left "uploaded" are published once, this long after the start.
    /// </summary>
    public int RepublishAfterSeconds { get; set; } = 30;

    /// <summary>
    /// Most upload events whose publish failed held in memory for the sweeper; past it only their span of upload times
    /// is kept, and the sweeper walks the "uploaded" rows of that span (see <see cref="UnpublishedUploads"/>).
    /// </summary>
    public int UnpublishedCapacity { get; set; } = UnpublishedUploads.DefaultCapacity;
}
