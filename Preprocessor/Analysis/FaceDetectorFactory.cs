using VisionAspire.Models;

namespace VisionAspire.Preprocessor.Analysis;

public static class FaceDetectorFactory
{
    /// <summary>The configured detector; an unknown id stops start-up with a message listing the choices.</summary>
    public static IFaceDetector Create(ModelStore store, string modelId) => modelId switch
    {
        _ when modelId.StartsWith("ultraface-", StringComparison.Ordinal) => new UltraFaceDetector(store, modelId),
        _ when modelId.StartsWith("yunet-", StringComparison.Ordinal) => new YuNetDetector(store, modelId),
        _ => throw new InvalidOperationException(
            $"Vision:Preprocess:FaceDetector '{modelId}' is not a face detector; use ultraface-rfb-320, ultraface-rfb-640 or yunet-2023mar."),
    };
}
