using VisionAspire.Models;

namespace VisionAspire.Shared.Faces;

/// <summary>What identification says of a face, as recognize and the recognize task report it.</summary>
public static class FaceStatuses
{
    public const string Identified = "identified";
    public const string Unknown = "unknown";
    public const string Unusable = "unusable";

    public static string? Reason(FaceUnusableReason reason) => reason switch
    {
        FaceUnusableReason.None => null,
        FaceUnusableReason.TooSmall => "too-small",
        FaceUnusableReason.TooBlurry => "too-blurry",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
