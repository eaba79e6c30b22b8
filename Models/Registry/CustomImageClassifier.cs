using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models.Registry;

/// <summary>
/// An uploaded classification model: one image input (float or float16, NCHW or NHWC, 3 channels), one output with a
/// score per label. <see cref="Load"/> refuses a model that cannot serve (see its checks) with a
/// <see cref="ModelValidationException"/> naming the problem. Each call allocates its own tensors. Thread-safe.
/// </summary>
public sealed class CustomImageClassifier : IImageClassifier
{
    private static readonly RunOptions Options = new() { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };

    private readonly InferenceSession _session;
    private readonly IReadOnlyList<string> _labels;
    private readonly ClassifierInputSpec _spec;
    private readonly long[] _inputShape;
    private readonly TensorElementType _inputType;
    private readonly PixelNormalisation _normalisation;

    private CustomImageClassifier(string modelId, string version, InferenceSession session, IReadOnlyList<string> labels, ClassifierInputSpec spec)
    {
        ModelId = modelId;
        ModelVersion = version;
        _session = session;
        _labels = labels;
        _spec = spec;
        var input = session.InputMetadata[session.InputNames[0]];
        _inputType = input.ElementDataType;
        _inputShape = spec.IsNchw ? [1, 3, spec.Height, spec.Width] : [1, spec.Height, spec.Width, 3];
        // (p * scale - mean) / std  ==  (p - mean / scale) * (scale / std)
        _normalisation = new PixelNormalisation(
            spec.Mean[0] / spec.Scale, spec.Mean[1] / spec.Scale, spec.Mean[2] / spec.Scale,
            spec.Scale / spec.Std[0], spec.Scale / spec.Std[1], spec.Scale / spec.Std[2]);
    }

    public string ModelId { get; }

    public string ModelVersion { get; }

    /// <summary>
    /// Loads the model and checks it: a loadable ONNX graph, one input of rank 4 whose fixed dimensions agree with the
    /// spec, float or float16 tensors, and a test run (a grey image) whose output has one score per label.
    /// </summary>
    public static CustomImageClassifier Load(ModelStore store, string modelId, string version, byte[] onnx, IReadOnlyList<string> labels, ClassifierInputSpec spec)
    {
        if (labels.Count == 0)
        {
            throw new ModelValidationException("The labels file has no labels (one per line expected).");
        }

        InferenceSession session;
        try
        {
            session = store.Open(onnx);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelValidationException($"The file is not a loadable ONNX model: {FirstLine(e.Message)}", e);
        }

        try
        {
            CheckInput(session, spec);
            var classifier = new CustomImageClassifier(modelId, version, session, labels, spec);
            var scores = classifier.Scores(new PixelBuffer(new byte[spec.Width * spec.Height * 3], spec.Width, spec.Height, 3));
            if (scores.Length != labels.Count)
            {
                throw new ModelValidationException(
                    $"The model outputs {scores.Length} scores but the labels file has {labels.Count} labels; they must match (line k = class k).");
            }
            return classifier;
        }
        catch (Exception e)
        {
            session.Dispose();
            if (e is OnnxRuntimeException)
            {
                throw new ModelValidationException($"The test run on a {spec.Width}x{spec.Height} image failed: {FirstLine(e.Message)}", e);
            }
            throw;
        }
    }

    public IReadOnlyList<Classification> Classify(PixelBuffer rgb, int topK = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var scores = Scores(rgb);
        return ImageClassifier.TopK(scores, topK).Select(i => new Classification(_labels[i], i, scores[i])).ToArray();
    }

    public void Dispose() => _session.Dispose();

    private float[] Scores(PixelBuffer rgb)
    {
        var planes = new float[3 * _spec.Width * _spec.Height];
        TensorWriter.Resize(rgb, planes.AsSpan(), _spec.Width, _spec.Height, _spec.Width, _spec.Height,
            _spec.IsBgr ? ChannelOrder.Bgr : ChannelOrder.Rgb, _normalisation);
        var values = _spec.IsNchw ? planes : ToInterleaved(planes, _spec.Width * _spec.Height);

        using var input = _inputType == TensorElementType.Float16
            ? OrtValue.CreateTensorValueFromMemory(ToFloat16(values), _inputShape)
            : OrtValue.CreateTensorValueFromMemory(values, _inputShape);
        using var outputs = _session.Run(Options, [_session.InputNames[0]], [input], [_session.OutputNames[0]]);
        var output = outputs[0];
        var scores = output.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float16
            ? ToSingles(MemoryMarshal.Cast<Float16, Half>(output.GetTensorDataAsSpan<Float16>()))
            : output.GetTensorDataAsSpan<float>().ToArray();
        return _spec.Softmax ? Softmax(scores) : scores;
    }

    private static void CheckInput(InferenceSession session, ClassifierInputSpec spec)
    {
        if (session.InputNames.Count != 1)
        {
            throw new ModelValidationException($"The model has {session.InputNames.Count} inputs ({string.Join(", ", session.InputNames)}); a classifier takes one image tensor.");
        }
        if (session.OutputNames.Count < 1)
        {
            throw new ModelValidationException("The model has no output.");
        }
        var name = session.InputNames[0];
        var input = session.InputMetadata[name];
        var dims = input.Dimensions;
        if (dims.Length != 4)
        {
            throw new ModelValidationException(
                $"Input '{name}' has rank {dims.Length} [{string.Join(",", dims)}]; a classifier takes a rank-4 image tensor ({spec.Layout}).");
        }
        if (input.ElementDataType is not (TensorElementType.Float or TensorElementType.Float16))
        {
            throw new ModelValidationException($"Input '{name}' holds {input.ElementDataType}; float or float16 expected.");
        }
        var output = session.OutputMetadata[session.OutputNames[0]].ElementDataType;
        if (output is not (TensorElementType.Float or TensorElementType.Float16))
        {
            throw new ModelValidationException($"Output '{session.OutputNames[0]}' holds {output}; float or float16 scores expected.");
        }
        long[] expected = spec.IsNchw ? [1, 3, spec.Height, spec.Width] : [1, spec.Height, spec.Width, 3];
        for (var i = 0; i < 4; i++)
        {
            if (dims[i] > 0 && dims[i] != expected[i])
            {
                throw new ModelValidationException(
                    $"Input '{name}' has shape [{string.Join(",", dims)}] but the spec ({spec.Layout}, {spec.Width}x{spec.Height}, 3 channels) " +
                    $"gives [{string.Join(",", expected)}].");
            }
        }
    }

    private static float[] ToInterleaved(float[] planes, int planeSize)
    {
        var interleaved = new float[planes.Length];
        for (var i = 0; i < planeSize; i++)
        {
            interleaved[3 * i] = planes[i];
            interleaved[3 * i + 1] = planes[planeSize + i];
            interleaved[3 * i + 2] = planes[2 * planeSize + i];
        }
        return interleaved;
    }

    private static Float16[] ToFloat16(float[] values)
    {
        var half = new Float16[values.Length];
        var view = MemoryMarshal.Cast<Float16, Half>(half.AsSpan());
        for (var i = 0; i < values.Length; i++)
        {
            view[i] = (Half)values[i];
        }
        return half;
    }

    private static float[] ToSingles(ReadOnlySpan<Half> values)
    {
        var singles = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            singles[i] = (float)values[i];
        }
        return singles;
    }

    private static float[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(v => MathF.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(v => v / sum)];
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
