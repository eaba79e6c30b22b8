namespace VisionAspire.Models;

/// <summary>
/// The input tensor and selected output tensors of one <see cref="InferenceSession"/> run, allocated once and
/// reused through a <see cref="BufferPool{T}"/>: ONNX Runtime reads the input and writes the outputs in place, so
/// a steady-state run allocates and copies no tensor data. Not thread-safe: one run at a time, and whatever a
/// caller keeps from the outputs must be copied out before the buffers go back to their pool.
/// </summary>
internal sealed class RunBuffers
{
    private readonly InferenceSession _session;
    private readonly NamedTensor[] _inputs;
    private readonly NamedTensor[] _outputs;

    /// <param name="session">The session to run; its first input is fed.</param>
    /// <param name="inputShape">The input's concrete shape.</param>
    /// <param name="outputs">The outputs to fetch, with concrete shapes, in the order <see cref="Output"/> indexes them.</param>
    public RunBuffers(InferenceSession session, long[] inputShape, IReadOnlyList<(string Name, long[] Shape)> outputs)
    {
        _session = session;
        var input = session.Inputs[0];
        _inputs = [new NamedTensor(input.Name, ElementTypes.Uninitialized(input.ElementType, inputShape))];
        _outputs = new NamedTensor[outputs.Count];
        for (var i = 0; i < outputs.Count; i++)
        {
            var (name, shape) = outputs[i];
            _outputs[i] = new NamedTensor(name, ElementTypes.Uninitialized(OutputNode(session, name).ElementType, shape));
        }
    }

    public Tensor Input => _inputs[0].Value;

    /// <summary>Buffers for a model whose first input and the named outputs all have fixed shapes.</summary>
    public static RunBuffers ForFixedShapes(InferenceSession session, params string[] outputNames)
    {
        var outputs = outputNames.Select(name => (name, FixedShape(session, OutputNode(session, name)))).ToArray();
        return new RunBuffers(session, FixedShape(session, session.Inputs[0]), outputs);
    }

    public Tensor Output(int index) => _outputs[index].Value;

    /// <summary>Runs the session on <see cref="Input"/>, filling every output tensor.</summary>
    public void Run() => _session.Run(_inputs, _outputs);

    private static NodeMetadata OutputNode(InferenceSession session, string name) =>
        session.Outputs.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"The model has no output named '{name}'.", nameof(name));

    private static long[] FixedShape(InferenceSession session, NodeMetadata node) =>
        node.Shape.All(dim => dim > 0)
            ? [.. node.Shape]
            : throw new InvalidOperationException(
                $"'{Path.GetFileName(session.ModelPath)}' {node.Name} has a dynamic shape [{string.Join(",", node.Shape)}]; give concrete shapes.");
}
