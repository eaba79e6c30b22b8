namespace VisionAspire.Shared;

/// <summary>
/// Redis keys shared by the Api, the Preprocessor and the workers (this file is linked into all three).
/// </summary>
public static class CacheKeys
{
    /// <summary>How long original bytes stay in Redis after an upload.</summary>
    public static readonly TimeSpan OriginalBytesExpiry = TimeSpan.FromHours(1);

    /// <summary>How long a finished image's Api view stays cached.</summary>
    public static readonly TimeSpan ResultExpiry = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the Preprocessor's decoded working copy waits for a worker; the worker deletes it when done
    /// and decodes the original instead when it is gone.
    /// </summary>
    public static readonly TimeSpan WorkingCopyExpiry = TimeSpan.FromMinutes(10);

    public static string OriginalBytes(Guid imageId) => $"img:{imageId:N}:bytes";

    /// <summary>Raw RGB pixels of an image decoded to fit a <paramref name="longSide"/> square (see WorkingCopies).</summary>
    public static string WorkingCopy(Guid imageId, int longSide) => $"img:{imageId:N}:rgb{longSide}";

    /// <summary>The Api's JSON view of an image in a terminal state; writers of results delete it.</summary>
    public static string Result(Guid imageId) => $"img:{imageId:N}:result";
}
