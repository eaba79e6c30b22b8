using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// PP-OCRv4 text detection (DB): the image is stretched so its long side is at most <see cref="MaxSide"/> (never
/// upscaled) and each side is a multiple of 32, BGR with ImageNet mean/std; the text probability map is turned
/// into regions by <see cref="DbPostProcessing"/>. Regions come in no particular order. Thread-safe.
/// </summary>
public sealed class TextDetector : ModelPipeline
{
    public const string DefaultModelId = "ppocrv4-det";
    public const int MaxSide = 960;

    // PaddleOCR applies the ImageNet "RGB" constants to its BGR planes in plane order, so B gets the red mean.
    private static readonly PixelNormalisation ImageNetOnBgr = new(
        0.485f * 255, 0.456f * 255, 0.406f * 255, 1f / (0.229f * 255), 1f / (0.224f * 255), 1f / (0.225f * 255));

    private readonly BufferPool<ElasticRunBuffers> _buffers = new(() => new ElasticRunBuffers());

    public TextDetector(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
    }

    public IReadOnlyList<TextRegion> Detect(PixelBuffer rgb)
    {
        var (width, height) = InputSize(rgb.Width, rgb.Height);
        using var lease = _buffers.Rent();
        var buffers = lease.Item;
        TensorWriter.Resize(rgb, buffers.Input(1, 3, height, width), width, height, width, height, ChannelOrder.Bgr, ImageNetOnBgr);
        var probability = buffers.Run(Session, 1, 1, height, width);
        return DbPostProcessing.Regions(probability, width, height, rgb.Width, rgb.Height);
    }

    /// <summary>The detector's input size for an image (PaddleOCR <c>DetResizeForTest</c>, limit type max).</summary>
    public static (int Width, int Height) InputSize(int imageWidth, int imageHeight)
    {
        var ratio = Math.Max(imageWidth, imageHeight) > MaxSide ? (double)MaxSide / Math.Max(imageWidth, imageHeight) : 1;
        return (RoundTo32(imageWidth * ratio), RoundTo32(imageHeight * ratio));
    }

    // Halves round up, as in the harness that verified the MANIFEST results (810x1080 -> 736x960).
    private static int RoundTo32(double size) => Math.Max((int)Math.Round(size / 32, MidpointRounding.AwayFromZero) * 32, 32);
}
