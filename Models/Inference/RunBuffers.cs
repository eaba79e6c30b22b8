using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace VisionAspire.Models;

/// <summary>
/// The input tensor and selected output tensors of one session run: arrays allocated once, wrapped once in
/// OrtValues (<see cref="OrtValue.CreateTensorValueFromMemory{T}(T[], long[])"/>, which pins them until disposal) and
/// reused through a <see cref="BufferPool{T}"/>. ONNX Runtime reads the input and writes the outputs in place, so a
/// steady-state run allocates and copies no tensor data. Not thread-safe: one run at a time, and whatever a caller
/// keeps from the outputs must be copied out before the buffers go back to their pool.
/// </summary>
internal sealed class RunBuffers : IDisposable
{
    // Runs only read their options, so one object serves every run.
    private static readonly RunOptions Options = new() { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Buffer[] _inputs;
    private readonly Buffer[] _outputs;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;

    /// <param name="session">The session to run; its first input is fed.</param>
    /// <param name="inputShape">The input's concrete shape.</param>
    /// <param name="outputs">The outputs to fetch, with concrete shapes, in the order <see cref="Output{T}"/> indexes them.</param>
    public RunBuffers(InferenceSession session, long[] inputShape, IReadOnlyList<(string Name, long[] Shape)> outputs)
    {
        _session = session;
        var input = session.InputNames[0];
        InputShape = inputShape;
        InputType = session.InputMetadata[input].ElementDataType;
        _inputNames = [input];
        _outputNames = [.. outputs.Select(o => o.Name)];
        _inputs = [Buffer.Allocate(InputType, inputShape)];
        _outputs = [.. outputs.Select(o => Buffer.Allocate(OutputNode(session, o.Name).ElementDataType, o.Shape))];
        _inputValues = [.. _inputs.Select(b => b.Value)];
        _outputValues = [.. _outputs.Select(b => b.Value)];
    }

    public IReadOnlyList<long> InputShape { get; }
    public TensorElementType InputType { get; }

    /// <summary>Buffers for a model whose first input and the named outputs all have fixed shapes.</summary>
    public static RunBuffers ForFixedShapes(InferenceSession session, params IReadOnlyList<string> outputNames)
    {
        var outputs = outputNames.Select(name => (name, FixedShape(session, name, OutputNode(session, name)))).ToArray();
        var input = session.InputNames[0];
        return new RunBuffers(session, FixedShape(session, input, session.InputMetadata[input]), outputs);
    }

    /// <summary>The input tensor's memory, for writing before <see cref="Run"/>.</summary>
    public Span<T> Input<T>() where T : unmanaged => _inputs[0].View<T>();

    /// <summary>An output tensor's memory, as the last <see cref="Run"/> left it.</summary>
    public ReadOnlySpan<T> Output<T>(int index) where T : unmanaged => _outputs[index].View<T>();

    /// <summary>Runs the session on the input, filling every output tensor.</summary>
    public void Run() => _session.Run(Options, _inputNames, _inputValues, _outputNames, _outputValues);

    public void Dispose()
    {
        foreach (var value in _inputValues.Concat(_outputValues))
        {
            value.Dispose();
        }
    }

    private static NodeMetadata OutputNode(InferenceSession session, string name) =>
        session.OutputMetadata.TryGetValue(name, out var node)
            ? node
            : throw new ArgumentException($"The model has no output named '{name}'; it has: {string.Join(", ", session.OutputNames)}.", nameof(name));

    private static long[] FixedShape(InferenceSession session, string name, NodeMetadata node) =>
        node.Dimensions.All(dim => dim > 0)
            ? [.. node.Dimensions.Select(dim => (long)dim)]
            : throw new InvalidOperationException(
                $"The model's {name} has a dynamic shape [{string.Join(",", node.Dimensions)}]; give concrete shapes " +
                $"(inputs: {string.Join(", ", session.InputNames)}).");

    /// <summary>A managed array on the pinned heap and the OrtValue over it.</summary>
    private sealed class Buffer(Array data, OrtValue value)
    {
        public OrtValue Value { get; } = value;

        public static Buffer Allocate(TensorElementType type, long[] shape)
        {
            var length = checked((int)shape.Aggregate(1L, (count, dim) => count * dim));
            return type switch
            {
                TensorElementType.Float => Over(GC.AllocateUninitializedArray<float>(length, pinned: true), shape),
                TensorElementType.Float16 => Over(GC.AllocateUninitializedArray<Float16>(length, pinned: true), shape),
                _ => throw new NotSupportedException($"{type} tensors are not supported; the catalogued models use float and float16."),
            };
        }

        /// <summary>The data as <typeparamref name="T"/>; a float16 tensor is also readable as <see cref="Half"/> (same bits, with arithmetic).</summary>
        public Span<T> View<T>() where T : unmanaged => data switch
        {
            T[] same => same,
            Float16[] half when typeof(T) == typeof(Half) => MemoryMarshal.Cast<Float16, T>(half.AsSpan()),
            _ => throw new InvalidCastException($"The tensor holds {data.GetType().GetElementType()!.Name}, not {typeof(T).Name}."),
        };

        private static Buffer Over<T>(T[] data, long[] shape) where T : unmanaged =>
            new(data, OrtValue.CreateTensorValueFromMemory(data, shape));
    }
}
