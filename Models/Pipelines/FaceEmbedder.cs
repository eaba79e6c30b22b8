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

    /// <param name="registeredVersion">The model registry's name for the catalogued file, when it is not the catalog's
    /// (a version names one file: the caller checked the sha256); null: the catalog's version.</param>
    public FaceEmbedder(ModelStore store, string modelId = DefaultModelId, string? registeredVersion = null) : base(store, modelId)
    {
        if (registeredVersion is not null)
        {
            Model = Model with { Version = registeredVersion };
        }
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

    /// <summary>
    /// The face aligned to the ArcFace template, <see cref="FaceAlignment.TemplateSize"/> square, RGB bytes: what the
    /// embedder samples, kept so a later embedding model can re-embed an enrolled face (<see cref="AlignedFace"/>).
    /// </summary>
    public static PixelBuffer AlignCrop(PixelBuffer rgb, FaceDetection face)
    {
        const int size = FaceAlignment.TemplateSize;
        const int plane = size * size;
        var planar = new float[3 * plane];
        TensorWriter.Warp(rgb, planar.AsSpan(), size, size, FaceAlignment.CropToImage(face, size), ChannelOrder.Rgb, PixelNormalisation.Raw);
        var pixels = new byte[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                pixels[3 * i + c] = (byte)Math.Clamp(MathF.Round(planar[c * plane + i]), 0, 255);
            }
        }
        return new PixelBuffer(pixels, size, size, 3);
    }

    /// <summary>Embeds a crop made by <see cref="AlignCrop"/> (its RGB bytes), e.g. an enrolled face under a new model version.</summary>
    public float[] EmbedAligned(byte[] alignedRgb)
    {
        const int size = FaceAlignment.TemplateSize;
        if (alignedRgb.Length != size * size * 3)
        {
            throw new ArgumentException($"An aligned face is {size}x{size} RGB ({size * size * 3} bytes), not {alignedRgb.Length} bytes.", nameof(alignedRgb));
        }
        return Embed(new PixelBuffer(alignedRgb, size, size, 3), AlignedFace);
    }

    /// <summary>The face of an <see cref="AlignCrop"/> crop: its landmarks are the template's, so embedding the crop aligns nothing.</summary>
    public static FaceDetection AlignedFace { get; } = new(
        new Box(0, 0, FaceAlignment.TemplateSize, FaceAlignment.TemplateSize), 1f,
        [.. FaceAlignment.ArcFaceTemplate.Select(p => new Landmark((float)p.X, (float)p.Y))]);

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
