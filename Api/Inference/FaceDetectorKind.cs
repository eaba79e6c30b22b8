namespace VisionAspire.Api.Inference;

/// <summary>The face detectors detect-faces and blur offer: YuNet (boxes and five landmarks) or UltraFace RFB-320 (boxes).</summary>
public enum FaceDetectorKind
{
    YuNet,
    UltraFace,
}

public static class FaceDetectorKinds
{
    public const string YuNet = "yunet";
    public const string UltraFace = "ultraface";

    public static IReadOnlyList<string> Names { get; } = [YuNet, UltraFace];

    public static FaceDetectorKind Parse(string name) => name switch
    {
        YuNet => FaceDetectorKind.YuNet,
        UltraFace => FaceDetectorKind.UltraFace,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Not one of {string.Join(", ", Names)}."),
    };
}
