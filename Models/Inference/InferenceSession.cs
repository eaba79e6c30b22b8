using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using VisionAspire.Models.Native;

namespace VisionAspire.Models;

/// <summary>
/// A loaded ONNX model. Thread-safe: <see cref="Run(ReadOnlySpan{NamedTensor})"/> may be called from many
/// threads at once (ORT guarantees concurrent Run on one session); dispose only after all runs have returned.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OrtEnvironment _ort;
    private readonly OrtSessionHandle _session;
    private readonly NodeNames _inputNames;
    private readonly NodeNames _outputNames;
    private readonly string _runOperation;

    private InferenceSession(string modelPath, OrtEnvironment ort, OrtSessionHandle session, ExecutionProvider provider, string? fallbackReason)
    {
        ModelPath = modelPath;
        _ort = ort;
        _session = session;
        Provider = provider;
        ProviderFallbackReason = fallbackReason;
        Inputs = ReadNodes(isInput: true);
        Outputs = ReadNodes(isInput: false);
        _inputNames = new NodeNames(Inputs);
        _outputNames = new NodeNames(Outputs);
        _runOperation = $"Run('{Path.GetFileName(modelPath)}')";
    }

    public string ModelPath { get; }
    public IReadOnlyList<NodeMetadata> Inputs { get; }
    public IReadOnlyList<NodeMetadata> Outputs { get; }

    /// <summary>The provider actually in use.</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>Why a requested CUDA provider was not used; null when the request was honoured.</summary>
    public string? ProviderFallbackReason { get; }

    internal OrtApi Api => _ort.Api;
    internal OrtSessionHandle Handle => _session;

    /// <summary>Loads a model file. Integrity checks belong to <see cref="ModelStore"/>; this opens any path.</summary>
    public static InferenceSession Open(string modelPath, InferenceOptions? options = null)
    {
        options ??= InferenceOptions.Default;
        var ort = OrtEnvironment.Instance;
        var api = ort.Api;
        using var sessionOptions = SessionOptionsFactory.Create(api, options, out var provider, out var fallbackReason);
        if (fallbackReason is not null)
        {
            var log = options.Log ?? (message => Console.Error.WriteLine(message));
            log($"CUDA execution provider unavailable, using CPU for '{Path.GetFileName(modelPath)}': {fallbackReason}");
        }

        var session = new OrtSessionHandle();
        var path = Encoding.UTF8.GetBytes(modelPath + "\0");
        nint pointer;
        fixed (byte* p = path)
        {
            api.Check(api.CreateSession(ort.Env.Pointer, p, sessionOptions.Pointer, &pointer), $"CreateSession('{modelPath}')");
        }
        session.Adopt(pointer);
        return new InferenceSession(modelPath, ort, session, provider, fallbackReason);
    }

    /// <summary>Runs the model and returns every output, in <see cref="Outputs"/> order, copied into managed tensors.</summary>
    public Tensor[] Run(params ReadOnlySpan<NamedTensor> inputs)
    {
        Span<int> all = stackalloc int[Outputs.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }
        return RunAllocating(inputs, all);
    }

    /// <summary>Runs the model and returns the named outputs, in the order asked, copied into managed tensors.</summary>
    public Tensor[] Run(ReadOnlySpan<NamedTensor> inputs, ReadOnlySpan<string> outputNames)
    {
        Span<int> indexes = stackalloc int[outputNames.Length];
        for (var i = 0; i < outputNames.Length; i++)
        {
            indexes[i] = _outputNames.IndexOf(outputNames[i], "output");
        }
        return RunAllocating(inputs, indexes);
    }

    /// <summary>Runs the model writing straight into caller-allocated output tensors (no output copy).</summary>
    public void Run(ReadOnlySpan<NamedTensor> inputs, ReadOnlySpan<NamedTensor> outputs)
    {
        var values = stackalloc nint[outputs.Length];
        var handles = new OrtValueHandle[outputs.Length];
        var pins = new GCHandle[outputs.Length];
        Span<int> indexes = stackalloc int[outputs.Length];
        try
        {
            for (var i = 0; i < outputs.Length; i++)
            {
                indexes[i] = _outputNames.IndexOf(outputs[i].Name, "output");
                pins[i] = outputs[i].Value.Pin();
                handles[i] = CreateValue(outputs[i].Value, pins[i]);
                values[i] = handles[i].Pointer;
            }
            RunCore(inputs, indexes, values);
        }
        finally
        {
            for (var i = 0; i < outputs.Length; i++)
            {
                handles[i]?.Dispose();
                if (pins[i].IsAllocated)
                {
                    pins[i].Free();
                }
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private Tensor[] RunAllocating(ReadOnlySpan<NamedTensor> inputs, ReadOnlySpan<int> outputIndexes)
    {
        var values = stackalloc nint[outputIndexes.Length];
        new Span<nint>(values, outputIndexes.Length).Clear();
        var results = new Tensor[outputIndexes.Length];
        try
        {
            RunCore(inputs, outputIndexes, values);
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = CopyOut(values[i]);
            }
            return results;
        }
        finally
        {
            for (var i = 0; i < outputIndexes.Length; i++)
            {
                if (values[i] != 0)
                {
                    Api.ReleaseValue(values[i]);
                }
            }
        }
    }

    private void RunCore(ReadOnlySpan<NamedTensor> inputs, ReadOnlySpan<int> outputIndexes, nint* outputValues)
    {
        var api = Api;
        var inputCount = inputs.Length;
        var inputNames = stackalloc byte*[inputCount];
        var inputValues = stackalloc nint[inputCount];
        var outputNames = stackalloc byte*[outputIndexes.Length];
        var handles = new OrtValueHandle[inputCount];
        var pins = new GCHandle[inputCount];
        var sessionReferenced = false;
        try
        {
            _session.DangerousAddRef(ref sessionReferenced);
            for (var i = 0; i < inputCount; i++)
            {
                inputNames[i] = _inputNames.Pointer(_inputNames.IndexOf(inputs[i].Name, "input"));
                pins[i] = inputs[i].Value.Pin();
                handles[i] = CreateValue(inputs[i].Value, pins[i]);
                inputValues[i] = handles[i].Pointer;
            }
            for (var i = 0; i < outputIndexes.Length; i++)
            {
                outputNames[i] = _outputNames.Pointer(outputIndexes[i]);
            }
            var status = api.Run(_session.Pointer, 0, inputNames, inputValues, (nuint)inputCount,
                outputNames, (nuint)outputIndexes.Length, outputValues);
            api.Check(status, _runOperation);
        }
        finally
        {
            for (var i = 0; i < inputCount; i++)
            {
                handles[i]?.Dispose();
                if (pins[i].IsAllocated)
                {
                    pins[i].Free();
                }
            }
            if (sessionReferenced)
            {
                _session.DangerousRelease();
            }
        }
    }

    private OrtValueHandle CreateValue(Tensor tensor, GCHandle pin)
    {
        var api = Api;
        var handle = new OrtValueHandle();
        var shape = tensor.ShapeArray;
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(api.CreateTensorWithDataAsOrtValue(_ort.CpuMemory.Pointer, (void*)pin.AddrOfPinnedObject(), tensor.ByteLength,
                dims, (nuint)shape.Length, (int)tensor.ElementType, &value), "CreateTensorWithDataAsOrtValue");
        }
        handle.Adopt(value);
        return handle;
    }

    private Tensor CopyOut(nint value)
    {
        var api = Api;
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), "GetTensorTypeAndShape");
        try
        {
            var (type, shape, count) = ReadTensorInfo(api, info);
            void* data;
            api.Check(api.GetTensorMutableData(value, &data), "GetTensorMutableData");
            return ElementTypes.Copy(type, data, shape, count);
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private static (TensorElementType Type, long[] Shape, long Count) ReadTensorInfo(OrtApi api, nint info)
    {
        int type;
        api.Check(api.GetTensorElementType(info, &type), "GetTensorElementType");
        nuint rank;
        api.Check(api.GetDimensionsCount(info, &rank), "GetDimensionsCount");
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(info, dims, rank), "GetDimensions");
        }
        var count = shape.Any(d => d < 0) ? -1 : shape.Aggregate(1L, (c, d) => c * d);
        return ((TensorElementType)type, shape, count);
    }

    private NodeMetadata[] ReadNodes(bool isInput)
    {
        var api = Api;
        var session = _session.Pointer;
        nuint count;
        api.Check(isInput ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count), "SessionGet*Count");
        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");

        var nodes = new NodeMetadata[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(isInput ? api.SessionGetInputName(session, i, allocator, &name) : api.SessionGetOutputName(session, i, allocator, &name),
                "SessionGet*Name");
            var text = Marshal.PtrToStringUTF8((nint)name)!;
            api.Check(api.AllocatorFree(allocator, name), "AllocatorFree");

            nint typeInfo;
            api.Check(isInput ? api.SessionGetInputTypeInfo(session, i, &typeInfo) : api.SessionGetOutputTypeInfo(session, i, &typeInfo),
                "SessionGet*TypeInfo");
            try
            {
                nint tensorInfo;
                api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), "CastTypeInfoToTensorInfo");
                var (type, shape, _) = tensorInfo == 0 ? (TensorElementType.Undefined, [], 0) : ReadTensorInfo(api, tensorInfo);
                nodes[(int)i] = new NodeMetadata(text, type, shape);
            }
            finally
            {
                api.ReleaseTypeInfo(typeInfo);
            }
        }
        return nodes;
    }

    /// <summary>Node names as NUL-terminated UTF-8 on the pinned heap, so Run passes them without marshalling.</summary>
    private sealed class NodeNames
    {
        private readonly byte[][] _utf8;
        private readonly Dictionary<string, int> _indexes;

        public NodeNames(IReadOnlyList<NodeMetadata> nodes)
        {
            _utf8 = new byte[nodes.Count][];
            _indexes = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
            for (var i = 0; i < nodes.Count; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(nodes[i].Name);
                _utf8[i] = GC.AllocateArray<byte>(bytes.Length + 1, pinned: true);
                bytes.CopyTo(_utf8[i], 0);
                _indexes[nodes[i].Name] = i;
            }
        }

        public byte* Pointer(int index) => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_utf8[index]));

        public int IndexOf(string name, string kind) =>
            _indexes.TryGetValue(name, out var index)
                ? index
                : throw new ArgumentException($"The model has no {kind} named '{name}'; it has: {string.Join(", ", _indexes.Keys)}.", nameof(name));
    }
}
