using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// Faces ready for identification: YuNet boxes and five landmarks, a size and sharpness check on the face aligned to
/// the ArcFace template, then the MobileFaceNet embedding of each usable face. Owns neither pipeline. Thread-safe.
/// </summary>
public sealed class FaceRecognizer(YuNetDetector detector, FaceEmbedder embedder, FaceQualityOptions quality)
{
    public YuNetDetector Detector => detector;

    public FaceEmbedder Embedder => embedder;

    public FaceQualityOptions Quality => quality;

    /// <summary>Every face YuNet finds, highest score first, each embedded or marked unusable.</summary>
    public IReadOnlyList<RecognizedFace> Recognize(PixelBuffer rgb) =>
        detector.Detect(rgb).OrderByDescending(f => f.Score).Select(f => Assess(rgb, f)).ToList();

    /// <summary>Embeds one detected face (boxes and landmarks in <paramref name="rgb"/>'s pixels) unless it is too small or too blurry.</summary>
    public RecognizedFace Assess(PixelBuffer rgb, FaceDetection face)
    {
        if (Math.Min(face.Box.Width, face.Box.Height) < quality.MinFaceSize)
        {
            return new RecognizedFace(face, null, FaceUnusableReason.TooSmall, 0);
        }
        var sharpness = AlignedSharpness(rgb, face);
        return sharpness < quality.MinSharpness
            ? new RecognizedFace(face, null, FaceUnusableReason.TooBlurry, sharpness)
            : new RecognizedFace(face, embedder.Embed(rgb, face), FaceUnusableReason.None, sharpness);
    }

    /// <summary>Variance of Laplacian of the face warped to the 112x112 template (edges replicated, so the frame border is no edge).</summary>
    public static double AlignedSharpness(PixelBuffer rgb, FaceDetection face)
    {
        const int size = FaceAlignment.TemplateSize;
        const int plane = size * size;
        var crop = new float[3 * plane];
        TensorWriter.Warp(rgb, crop.AsSpan(), size, size, FaceAlignment.CropToImage(face, size), ChannelOrder.Rgb,
            PixelNormalisation.Raw, replicateBorder: true);
        var grey = new float[plane];
        for (var i = 0; i < plane; i++)
        {
            grey[i] = 0.299f * crop[i] + 0.587f * crop[plane + i] + 0.114f * crop[2 * plane + i];
        }
        return Sharpness.VarianceOfLaplacian(grey, size, size);
    }
}
