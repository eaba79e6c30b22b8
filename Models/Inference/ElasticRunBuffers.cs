using Microsoft.ML.OnnxRuntime;

namespace VisionAspire.Models;

/// <summary>
/// Input and output memory for a float model with dynamic shapes (one input, one output), kept for reuse through a
/// <see cref="BufferPool{T}"/>. The arrays only grow (pinned, to the largest shape seen), and each run wraps a prefix
/// of them in short-lived OrtValues, so a warmed-up pipeline allocates no tensor memory whatever the image or batch
/// size. Not thread-safe: one run at a time; copy out what you keep before the buffers go back to their pool.
/// </summary>
internal sealed class ElasticRunBuffers
{
    private static readonly RunOptions Options = new() { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };

    private float[] _input = [];
    private float[] _output = [];
    private long[] _inputShape = [];

    /// <summary>Input memory of the given shape, for writing before <see cref="Run"/>; its contents are undefined.</summary>
    public Span<float> Input(params long[] shape)
    {
        _inputShape = shape;
        return Ensure(ref _input, shape).Span;
    }

    /// <summary>Runs <paramref name="session"/> on the input last shaped by <see cref="Input"/>; the output must have <paramref name="outputShape"/>.</summary>
    public ReadOnlySpan<float> Run(InferenceSession session, params long[] outputShape)
    {
        var output = Ensure(ref _output, outputShape);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, Length(_inputShape)), _inputShape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output, outputShape);
        session.Run(Options, [session.InputNames[0]], [inputValue], [session.OutputNames[0]], [outputValue]);
        return output.Span;
    }

    private static Memory<float> Ensure(ref float[] buffer, long[] shape)
    {
        var length = Length(shape);
        if (buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }
        return buffer.AsMemory(0, length);
    }

    private static int Length(long[] shape) => checked((int)shape.Aggregate(1L, (count, dim) => count * dim));
}
