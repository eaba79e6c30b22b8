using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// UltraFace (RFB-320 by default): RGB stretched to the input size, <c>(p - 127) / 128</c>; the graph already
/// decodes boxes (corners normalised to [0,1]) and applies softmax, so post-processing is threshold + hard NMS.
/// Thread-safe.
/// </summary>
public sealed class UltraFaceDetector : ModelPipeline, IFaceDetector
{
    public const string DefaultModelId = "ultraface-rfb-320";

    private readonly int _height;
    private readonly int _width;

    public UltraFaceDetector(ModelStore store, string modelId = DefaultModelId, float scoreThreshold = 0.7f, float nmsIoU = 0.3f)
        : base(store, modelId, "scores", "boxes")
    {
        (_height, _width) = FixedInputSize();
        ScoreThreshold = scoreThreshold;
        NmsIoU = nmsIoU;
    }

    public float ScoreThreshold { get; }
    public float NmsIoU { get; }

    public IReadOnlyList<FaceDetection> Detect(PixelBuffer rgb)
    {
        using var lease = Buffers.Rent();
        var buffers = lease.Item;
        TensorWriter.Resize(rgb, buffers.Input<float>(), _width, _height, _width, _height, ChannelOrder.Rgb,
            PixelNormalisation.Uniform(127f, 1f / 128f));
        buffers.Run();
        return Decode(buffers.Output<float>(0), buffers.Output<float>(1), rgb.Width, rgb.Height);
    }

    private FaceDetection[] Decode(ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes, int imageWidth, int imageHeight)
    {
        var candidates = new List<Candidate>();
        var count = scores.Length / 2;
        for (var i = 0; i < count; i++)
        {
            var score = scores[2 * i + 1];
            if (score > ScoreThreshold)
            {
                candidates.Add(new Candidate(boxes[4 * i] * imageWidth, boxes[4 * i + 1] * imageHeight,
                    boxes[4 * i + 2] * imageWidth, boxes[4 * i + 3] * imageHeight, score, 0, i));
            }
        }
        return NonMaximumSuppression.Apply(candidates, NmsIoU, perClass: false)
            .Select(c => new FaceDetection(BoxMath.ToImageBox(c.X1, c.Y1, c.X2, c.Y2, imageWidth, imageHeight), c.Score, null))
            .ToArray();
    }
}
