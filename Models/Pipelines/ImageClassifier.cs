using Microsoft.ML.OnnxRuntime.Tensors;
using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// ImageNet-1k classification with SqueezeNet 1.0 fp16 (Caffe convention): BGR stretched to 224x224, minus the
/// per-channel means B 104, G 117, R 123; float16 in and out; the output is already a softmax. Thread-safe.
/// </summary>
public sealed class ImageClassifier : ModelPipeline, Registry.IImageClassifier
{
    public const string DefaultModelId = "squeezenet1.0-fp16";
    private static readonly PixelNormalisation CaffeMeans = new(104f, 117f, 123f, 1f, 1f, 1f);

    private readonly int _height;
    private readonly int _width;
    private readonly IReadOnlyList<string> _labels;

    public ImageClassifier(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
        (_height, _width) = FixedInputSize();
        _labels = store.Labels(modelId);
    }

    public string ModelId => Model.Id;

    public string ModelVersion => Model.Version;

    public IReadOnlyList<Classification> Classify(PixelBuffer rgb, int topK = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        using var lease = Buffers.Rent();
        var buffers = lease.Item;
        var half = buffers.InputType == TensorElementType.Float16;
        if (half)
        {
            Prepare(rgb, buffers.Input<Half>());
        }
        else
        {
            Prepare(rgb, buffers.Input<float>());
        }
        buffers.Run();
        // Copied out before the lease ends (at return); the model's input and output share one element type.
        var probabilities = half ? ToSingles(buffers.Output<Half>(0)) : buffers.Output<float>(0).ToArray();

        return TopK(probabilities, topK)
            .Select(i => new Classification(i < _labels.Count ? _labels[i] : $"class {i}", i, probabilities[i]))
            .ToArray();
    }

    private void Prepare<T>(PixelBuffer rgb, Span<T> input) where T : unmanaged, System.Numerics.INumberBase<T> =>
        TensorWriter.Resize(rgb, input, _width, _height, _width, _height, ChannelOrder.Bgr, CaffeMeans);

    private static float[] ToSingles(ReadOnlySpan<Half> values)
    {
        var singles = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            singles[i] = (float)values[i];
        }
        return singles;
    }

    internal static int[] TopK(float[] scores, int k)
    {
        var indexes = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(indexes, (a, b) => scores[b].CompareTo(scores[a]));
        return indexes[..Math.Min(k, indexes.Length)];
    }
}
