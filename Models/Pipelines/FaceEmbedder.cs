using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// MobileFaceNet face embeddings (128 floats, L2-normalised; compare with <see cref="CosineSimilarity"/>).
/// With landmarks the face is aligned to the ArcFace 112x112 template by a least-squares similarity transform;
/// without them a square crop of the box plus 15 % is used (FaceAlignment). RGB, <c>x/255</c>, ImageNet
/// mean/std. Thread-safe.
/// </summary>
public sealed class FaceEmbedder : ModelPipeline
{
    public const string DefaultModelId = "mobilefacenet";

    private static readonly PixelNormalisation ImageNet = new(
        0.485f * 255, 0.456f * 255, 0.406f * 255, 1f / (0.229f * 255), 1f / (0.224f * 255), 1f / (0.225f * 255));

    private readonly int _size;

    public FaceEmbedder(ModelStore store, string modelId = DefaultModelId) : base(store, modelId)
    {
        var (height, width) = FixedInputSize();
        if (height != width)
        {
            throw new InvalidOperationException($"Model '{modelId}' input is not square ({width}x{height}).");
        }
        _size = width;
    }

    public float[] Embed(PixelBuffer rgb, FaceDetection face)
    {
        using var lease = Buffers.Rent();
        var buffers = lease.Item;
        TensorWriter.Warp(rgb, buffers.Input<float>(), _size, _size, FaceAlignment.CropToImage(face, _size), ChannelOrder.Rgb, ImageNet);
        buffers.Run();
        var embedding = buffers.Output<float>(0).ToArray(); // the caller's own copy, not the pooled output
        Normalise(embedding);
        return embedding;
    }

    /// <summary>Cosine similarity of two L2-normalised embeddings (their dot product).</summary>
    public static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Embeddings differ in length ({a.Length} vs {b.Length}).");
        }
        var dot = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = MathF.Sqrt(CosineSimilarity(vector, vector));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
    }
}
