using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// PaddleOCR's text angle classifier (0 or 180 degrees) on crops resized to height 48, width by aspect ratio up
/// to 192, zero-padded, BGR <c>(p/255 - 0.5) / 0.5</c>; all crops of an image run as one batch. Thread-safe.
/// </summary>
public sealed class TextOrientationClassifier : ModelPipeline
{
    public const string DefaultModelId = "ppocr-mobile-v2-cls";
    public const float UpsideDownThreshold = 0.9f;
    private const int Height = 48;
    private const int Width = 192;

    private readonly BufferPool<ElasticRunBuffers> _buffers = new(() => new ElasticRunBuffers());

    public TextOrientationClassifier(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
    }

    /// <summary>For each crop, whether the model says it is upside down with probability above <see cref="UpsideDownThreshold"/>.</summary>
    internal bool[] UpsideDown(PixelBuffer rgb, IReadOnlyList<TextCrop> crops)
    {
        if (crops.Count == 0)
        {
            return [];
        }
        using var lease = _buffers.Rent();
        var buffers = lease.Item;
        var tensor = buffers.Input(crops.Count, 3, Height, Width);
        var size = 3 * Height * Width;
        for (var i = 0; i < crops.Count; i++)
        {
            var contentWidth = Math.Min((int)Math.Ceiling(Height * crops[i].AspectRatio), Width);
            crops[i].Write(rgb, tensor.Slice(i * size, size), Width, Height, contentWidth, ChannelOrder.Bgr, TextNormalisation.Symmetric, TextNormalisation.ZeroPad);
        }
        var probabilities = buffers.Run(Session, crops.Count, 2);
        var upsideDown = new bool[crops.Count];
        for (var i = 0; i < crops.Count; i++)
        {
            upsideDown[i] = probabilities[2 * i + 1] > probabilities[2 * i] && probabilities[2 * i + 1] > UpsideDownThreshold;
        }
        return upsideDown;
    }
}
