using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations.Redaction;

/// <summary>A rectangle to blur, in upright original pixels, with the target that found it and its detection score.</summary>
public sealed record BlurRegion(string Target, CropRegion Region, float Score);

/// <summary>
/// Finds the regions of one blur target (faces, licence plates) for <see cref="ImageRedactor"/>. Implementations are
/// thread-safe; <see cref="Locate"/> is blocking, CPU-bound work.
/// </summary>
public interface IBlurRegionSource
{
    /// <summary>The target's name, as a client asks for it (e.g. "faces", "plates").</summary>
    string Target { get; }

    IReadOnlyList<BlurRegion> Locate(WorkingImage image);
}
