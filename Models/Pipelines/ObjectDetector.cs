using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// YOLOX-Nano (COCO-80): BGR raw 0..255 letterboxed top-left on a canvas of 114, grid decode for strides
/// 8/16/32, score <c>obj * max(cls)</c>, class-wise hard NMS. Thread-safe.
/// </summary>
public sealed class ObjectDetector : ModelPipeline
{
    public const string DefaultModelId = "yolox-nano";
    private const float PadValue = 114f;
    private static readonly int[] Strides = [8, 16, 32];

    private readonly int _height;
    private readonly int _width;
    private readonly int _rowLength;
    private readonly IReadOnlyList<string> _labels;

    public ObjectDetector(ModelStore store, string modelId = DefaultModelId, float scoreThreshold = 0.3f, float nmsIoU = 0.45f)
        : base(store, modelId)
    {
        (_height, _width) = FixedInputSize();
        _rowLength = Session.OutputMetadata[Session.OutputNames[0]].Dimensions[2]; // [1, cells, 5 + classes]
        _labels = store.Labels(modelId);
        ScoreThreshold = scoreThreshold;
        NmsIoU = nmsIoU;
    }

    public float ScoreThreshold { get; }
    public float NmsIoU { get; }

    public IReadOnlyList<ObjectDetection> Detect(PixelBuffer rgb)
    {
        var scale = BoxMath.LetterboxScale(rgb.Width, rgb.Height, _width, _height);
        using var lease = Buffers.Rent();
        var buffers = lease.Item;
        TensorWriter.Resize(rgb, buffers.Input<float>(), _width, _height,
            (int)Math.Round(rgb.Width * scale), (int)Math.Round(rgb.Height * scale), ChannelOrder.Bgr, PixelNormalisation.Raw, PadValue);
        buffers.Run();
        return Decode(buffers.Output<float>(0), _rowLength, scale, rgb.Width, rgb.Height);
    }

    private ObjectDetection[] Decode(ReadOnlySpan<float> rows, int rowLength, float scale, int imageWidth, int imageHeight)
    {
        var classCount = rowLength - 5;
        var candidates = new List<Candidate>();
        var row = 0;
        foreach (var stride in Strides)
        {
            var cols = _width / stride;
            var cells = cols * (_height / stride);
            for (var cell = 0; cell < cells; cell++, row++)
            {
                var offset = row * rowLength;
                var objectness = rows[offset + 4];
                if (objectness <= ScoreThreshold)
                {
                    continue; // score = obj * cls <= obj, so this row cannot pass
                }
                var best = 0;
                for (var c = 1; c < classCount; c++)
                {
                    if (rows[offset + 5 + c] > rows[offset + 5 + best])
                    {
                        best = c;
                    }
                }
                var score = objectness * rows[offset + 5 + best];
                if (score <= ScoreThreshold)
                {
                    continue;
                }
                var cx = (rows[offset] + cell % cols) * stride;
                var cy = (rows[offset + 1] + cell / cols) * stride;
                var w = MathF.Exp(rows[offset + 2]) * stride;
                var h = MathF.Exp(rows[offset + 3]) * stride;
                candidates.Add(new Candidate((cx - w / 2) / scale, (cy - h / 2) / scale, (cx + w / 2) / scale, (cy + h / 2) / scale,
                    score, best, row));
            }
        }
        return NonMaximumSuppression.Apply(candidates, NmsIoU, perClass: true)
            .Select(c => new ObjectDetection(LabelOf(c.ClassId), c.ClassId, c.Score,
                BoxMath.ToImageBox(c.X1, c.Y1, c.X2, c.Y2, imageWidth, imageHeight)))
            .ToArray();
    }

    private string LabelOf(int classId) => classId < _labels.Count ? _labels[classId] : $"class {classId}";
}
