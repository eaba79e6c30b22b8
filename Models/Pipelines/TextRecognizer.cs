using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// PP-OCRv4 text recognition (SVTR-LCNet, CTC) with the PaddleOCR Chinese + Latin dictionary. Crops are grouped by
/// width: sorted by aspect ratio and run in batches of up to <see cref="BatchSize"/> whose ratios differ by at most
/// <see cref="MaxRatioSpread"/>, each resized to height 48 and width by aspect ratio, BGR <c>(p/255 - 0.5) / 0.5</c>,
/// zero-padded on the right to the batch's widest, rounded up to a multiple of 8 so the model's output has exactly
/// width/8 steps. Unlike PaddleOCR, batches are not padded to at least 320 wide: short words then cost a third as much
/// and read the same on the shared test images. Thread-safe.
/// </summary>
public sealed class TextRecognizer : ModelPipeline
{
    public const string DefaultModelId = "ppocrv4-rec";
    public const int BatchSize = 6;
    private const int Height = 48;
    private const int MinWidth = Height;

    /// <summary>A batch holds crops whose aspect ratios lie within this factor, so little of it is padding.</summary>
    private const double MaxRatioSpread = 1.25;
    private const int StepWidth = 8;

    private readonly BufferPool<ElasticRunBuffers> _buffers = new(() => new ElasticRunBuffers());
    private readonly CtcDecoder _decoder;

    public TextRecognizer(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
        _decoder = new CtcDecoder(store.Labels(modelId, trim: false));
        var classes = Session.OutputMetadata[Session.OutputNames[0]].Dimensions[2];
        if (classes != _decoder.ClassCount)
        {
            throw new InvalidOperationException(
                $"Model '{modelId}' has {classes} classes, its dictionary gives {_decoder.ClassCount} (blank + lines + space).");
        }
    }

    /// <summary>The text and confidence of each crop, in the crops' order.</summary>
    internal (string Text, float Confidence)[] Recognize(PixelBuffer rgb, IReadOnlyList<TextCrop> crops)
    {
        var results = new (string, float)[crops.Count];
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => crops[i].AspectRatio).ToArray();
        using var lease = _buffers.Rent();
        var buffers = lease.Item;
        foreach (var batch in Batches(order, crops))
        {
            var widest = batch.Max(i => crops[i].AspectRatio);
            var width = Math.Max(MinWidth, (int)Math.Ceiling(Height * widest / StepWidth) * StepWidth);
            var tensor = buffers.Input(batch.Length, 3, Height, width);
            var size = 3 * Height * width;
            for (var b = 0; b < batch.Length; b++)
            {
                var crop = crops[batch[b]];
                var contentWidth = Math.Min((int)Math.Ceiling(Height * crop.AspectRatio), width);
                crop.Write(rgb, tensor.Slice(b * size, size), width, Height, contentWidth, ChannelOrder.Bgr, TextNormalisation.Symmetric, TextNormalisation.ZeroPad);
            }
            var steps = width / StepWidth;
            var output = buffers.Run(Session, batch.Length, steps, _decoder.ClassCount);
            var perCrop = steps * _decoder.ClassCount;
            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = _decoder.Decode(output.Slice(b * perCrop, perCrop));
            }
        }
        return results;
    }

    private static IEnumerable<int[]> Batches(int[] byRatio, IReadOnlyList<TextCrop> crops)
    {
        var batch = new List<int>(BatchSize);
        foreach (var index in byRatio)
        {
            if (batch.Count == BatchSize || (batch.Count > 0 && crops[index].AspectRatio > crops[batch[0]].AspectRatio * MaxRatioSpread))
            {
                yield return [.. batch];
                batch.Clear();
            }
            batch.Add(index);
        }
        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}
