using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// MobileFaceNet face embeddings (128 floats, L2-normalised; compare with <see cref="CosineSimilarity"/>).
/// With landmarks the face is aligned to the ArcFace 112x112 template by a least-squares similarity transform;
/// without them a square crop of the box plus <see cref="CropMargin"/> is used. RGB, <c>x/255</c>, ImageNet
/// mean/std. Thread-safe.
/// </summary>
public sealed class FaceEmbedder : ModelPipeline
{
    public const string DefaultModelId = "mobilefacenet";

    /// <summary>Extra side length around a detector box, as a share of its longer side, when no landmarks exist.</summary>
    public const float CropMargin = 0.15f;

    private static readonly (double X, double Y)[] ArcFaceTemplate =
        [(38.2946, 51.6963), (73.5318, 51.5014), (56.0252, 71.7366), (41.5493, 92.3655), (70.7299, 92.2041)];

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
        TensorWriter.Warp(rgb, buffers.Input<float>(), _size, _size, CropToImage(face), ChannelOrder.Rgb, ImageNet);
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

    private AffineTransform CropToImage(FaceDetection face)
    {
        var scale = _size / 112.0;
        if (face.Landmarks is { Count: 5 } points)
        {
            Span<(double X, double Y)> from = stackalloc (double, double)[5];
            Span<(double X, double Y)> to = stackalloc (double, double)[5];
            for (var i = 0; i < 5; i++)
            {
                from[i] = (points[i].X, points[i].Y);
                to[i] = (ArcFaceTemplate[i].X * scale, ArcFaceTemplate[i].Y * scale);
            }
            return AffineTransform.EstimateSimilarity(from, to).Invert();
        }

        var box = face.Box;
        var side = Math.Max(box.Width, box.Height) * (1 + CropMargin);
        var left = box.X + box.Width / 2 - side / 2;
        var top = box.Y + box.Height / 2 - side / 2;
        var step = side / _size;
        return new AffineTransform(step, 0, left, 0, step, top);
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
