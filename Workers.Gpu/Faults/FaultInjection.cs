using Microsoft.Extensions.Options;
using VisionAspire.Data;

namespace VisionAspire.Workers.Gpu.Faults;

/// <summary>Kills the process on the image <see cref="FaultInjectionOptions.CrashOnImageSha256"/> names (tests only).</summary>
public sealed class FaultInjection(IOptions<FaultInjectionOptions> options, ImageRepository images, ILogger<FaultInjection> logger)
{
    /// <summary>Does nothing (and reads nothing) unless the hook is set.</summary>
    public async Task CrashIfPoisonAsync(Guid imageId, CancellationToken ct)
    {
        if (options.Value.CrashOnImageSha256 is not { Length: > 0 } poison)
        {
            return;
        }

        if ((await images.GetAsync(imageId, OwnerScope.Everyone, ct))?.Sha256 == poison)
        {
            logger.LogCritical("Fault injection: image {ImageId} has the poison SHA-256; killing the process", imageId);
            Environment.FailFast($"Fault injection (Vision:Faults:CrashOnImageSha256): image {imageId}");
        }
    }
}
