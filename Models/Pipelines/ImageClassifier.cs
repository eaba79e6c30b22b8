using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// ImageNet-1k classification with SqueezeNet 1.0 fp16 (Caffe convention): BGR stretched to 224x224, minus the
/// per-channel means B 104, G 117, R 123; float16 in and out; the output is already a softmax. Thread-safe.
/// </summary>
public sealed class ImageClassifier : ModelPipeline
{
    public const string DefaultModelId = "squeezenet1.0-fp16";
    private static readonly PixelNormalisation CaffeMeans = new(104f, 117f, 123f, 1f, 1f, 1f);

    private readonly int _height;
    private readonly int _width;
    private readonly IReadOnlyList<string> _labels;
    private readonly BufferPool<RunBuffers> _buffers;

    public ImageClassifier(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
        (_height, _width) = FixedInputSize();
        _labels = store.Labels(modelId);
        _buffers = new(() => RunBuffers.ForFixedShapes(Session, Session.Outputs[0].Name));
    }

    public IReadOnlyList<Classification> Classify(PixelBuffer rgb, int topK = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        using var lease = _buffers.Rent();
        var buffers = lease.Item;
        if (buffers.Input is Tensor<Half> half)
        {
            Prepare(rgb, half.Data);
        }
        else
        {
            Prepare(rgb, buffers.Input.As<float>().Data);
        }
        buffers.Run();
        var output = buffers.Output(0);
        // The scores are read before the lease ends (at return); the classifications copy them.
        var probabilities = output.ElementType == TensorElementType.Float16
            ? Array.ConvertAll(output.As<Half>().Data, h => (float)h)
            : output.As<float>().Data;

        return TopK(probabilities, topK)
            .Select(i => new Classification(i < _labels.Count ? _labels[i] : $"class {i}", i, probabilities[i]))
            .ToArray();
    }

    private void Prepare<T>(PixelBuffer rgb, T[] input) where T : unmanaged, System.Numerics.INumberBase<T> =>
        TensorWriter.Resize<T>(rgb, input, _width, _height, _width, _height, ChannelOrder.Bgr, CaffeMeans);

    private static int[] TopK(float[] scores, int k)
    {
        var indexes = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(indexes, (a, b) => scores[b].CompareTo(scores[a]));
        return indexes[..Math.Min(k, indexes.Length)];
    }
}
