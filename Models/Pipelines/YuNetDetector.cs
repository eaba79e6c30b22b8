using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// YuNet (libfacedetection / OpenCV FaceDetectorYN): BGR raw 0..255, letterboxed top-left (pad 0), anchor-free
/// decode per stride 8/16/32, score <c>sqrt(cls * obj)</c>, hard NMS, five landmarks. Works with the fixed
/// 640x640 model and the dynamic one (input padded to multiples of 32; pooled buffers are kept for one input size at
/// a time, so images of varying size allocate them anew). Thread-safe.
/// </summary>
public sealed class YuNetDetector : ModelPipeline, IFaceDetector
{
    public const string DefaultModelId = "yunet-2023mar";
    private const int DynamicTargetSize = 640;
    private static readonly int[] Strides = [8, 16, 32];

    private readonly (string Name, int Stride, long ValuesPerCell)[] _outputs;

    public YuNetDetector(ModelStore store, string modelId = DefaultModelId, float scoreThreshold = 0.6f, float nmsIoU = 0.3f)
        : base(store, modelId)
    {
        ScoreThreshold = scoreThreshold;
        NmsIoU = nmsIoU;
        // Per stride: cls, obj, bbox, kps, each [1, cells, values per cell]; only the cell count depends on the input size.
        _outputs = [.. Strides.SelectMany(s => new[] { $"cls_{s}", $"obj_{s}", $"bbox_{s}", $"kps_{s}" }
            .Select(name => (name, s, (long)Session.OutputMetadata[name].Dimensions[2])))];
    }

    public float ScoreThreshold { get; }
    public float NmsIoU { get; }

    public IReadOnlyList<FaceDetection> Detect(PixelBuffer rgb)
    {
        var (height, width, scale) = InputGeometry(rgb);
        using var lease = RentBuffers(height, width);
        var buffers = lease.Item;
        TensorWriter.Resize(rgb, buffers.Input<float>(), width, height,
            (int)Math.Round(rgb.Width * scale), (int)Math.Round(rgb.Height * scale), ChannelOrder.Bgr, PixelNormalisation.Raw);
        buffers.Run();
        return Decode(buffers, width, scale, rgb.Width, rgb.Height);
    }

    private FaceDetection[] Decode(RunBuffers outputs, int width, float scale, int imageWidth, int imageHeight)
    {
        var candidates = new List<Candidate>();
        var landmarks = new List<Landmark[]>();
        for (var level = 0; level < Strides.Length; level++)
        {
            var stride = Strides[level];
            var cls = outputs.Output<float>(4 * level);
            var obj = outputs.Output<float>(4 * level + 1);
            var bbox = outputs.Output<float>(4 * level + 2);
            var kps = outputs.Output<float>(4 * level + 3);
            var cols = width / stride;
            for (var i = 0; i < cls.Length; i++)
            {
                var score = MathF.Sqrt(Math.Clamp(cls[i], 0, 1) * Math.Clamp(obj[i], 0, 1));
                if (score <= ScoreThreshold)
                {
                    continue;
                }
                float ax = i % cols * stride;
                float ay = i / cols * stride;
                var cx = bbox[4 * i] * stride + ax;
                var cy = bbox[4 * i + 1] * stride + ay;
                var w = MathF.Exp(bbox[4 * i + 2]) * stride;
                var h = MathF.Exp(bbox[4 * i + 3]) * stride;
                candidates.Add(new Candidate((cx - w / 2) / scale, (cy - h / 2) / scale, (cx + w / 2) / scale, (cy + h / 2) / scale,
                    score, 0, landmarks.Count));
                var points = new Landmark[5];
                for (var j = 0; j < 5; j++)
                {
                    points[j] = new Landmark((kps[10 * i + 2 * j] * stride + ax) / scale, (kps[10 * i + 2 * j + 1] * stride + ay) / scale);
                }
                landmarks.Add(points);
            }
        }
        return NonMaximumSuppression.Apply(candidates, NmsIoU, perClass: false)
            .Select(c => new FaceDetection(BoxMath.ToImageBox(c.X1, c.Y1, c.X2, c.Y2, imageWidth, imageHeight), c.Score, landmarks[c.Index]))
            .ToArray();
    }

    /// <summary>Pooled buffers for this input size; ones pooled for another size (dynamic model only) are disposed.</summary>
    private BufferPool<RunBuffers>.Lease RentBuffers(int height, int width)
    {
        var buffers = Buffers.TryRent();
        if (buffers is not null && buffers.InputShape[2] == height && buffers.InputShape[3] == width)
        {
            return Buffers.Lend(buffers);
        }
        buffers?.Dispose();
        var outputs = _outputs.Select(o => (o.Name, new long[] { 1, height / o.Stride * (width / o.Stride), o.ValuesPerCell })).ToArray();
        return Buffers.Lend(new RunBuffers(Session, [1, 3, height, width], outputs));
    }

    private (int Height, int Width, float Scale) InputGeometry(PixelBuffer rgb)
    {
        var shape = Input.Dimensions;
        if (shape[2] > 0 && shape[3] > 0)
        {
            var (height, width) = (shape[2], shape[3]);
            return (height, width, BoxMath.LetterboxScale(rgb.Width, rgb.Height, width, height));
        }
        var scale = BoxMath.LetterboxScale(rgb.Width, rgb.Height, DynamicTargetSize, DynamicTargetSize);
        return (RoundUp32(rgb.Height * scale), RoundUp32(rgb.Width * scale), scale);
    }

    private static int RoundUp32(float size) => Math.Max(32, ((int)Math.Round(size) + 31) / 32 * 32);
}
