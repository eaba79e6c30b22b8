using Microsoft.ML.OnnxRuntime;

namespace VisionAspire.Models;

/// <summary>
/// Owns the session of one catalogued model and the pool of its run buffers. Subclasses are thread-safe: each call
/// rents its own tensors from <see cref="Buffers"/> and gives them back before returning, and nothing returned
/// aliases them.
/// </summary>
public abstract class ModelPipeline : IDisposable
{
    /// <param name="outputs">The outputs <see cref="Buffers"/> fetch, in the order the pipeline indexes them; none
    /// means all, in model order. A pipeline that makes its own buffers (dynamic shapes) lends them through the pool.</param>
    private protected ModelPipeline(ModelStore store, string modelId, params string[] outputs)
    {
        Model = store.Entry(modelId);
        Session = store.Open(modelId);
        Buffers = new(() => RunBuffers.ForFixedShapes(Session, outputs.Length > 0 ? outputs : [.. Session.OutputNames]));
    }

    /// <summary>The model that runs; a pipeline serving a registry version of the catalogued file reports that version.</summary>
    public ModelEntry Model { get; private protected init; }

    /// <summary>The underlying session (for benchmarks and diagnostics); owned by this pipeline, do not dispose.</summary>
    public InferenceSession Session { get; }

    private protected BufferPool<RunBuffers> Buffers { get; }

    private protected NodeMetadata Input => Session.InputMetadata[Session.InputNames[0]];

    /// <summary>Height and width of a fixed-size NCHW input.</summary>
    private protected (int Height, int Width) FixedInputSize()
    {
        var shape = Input.Dimensions;
        if (shape.Length != 4 || shape[2] <= 0 || shape[3] <= 0)
        {
            throw new InvalidOperationException(
                $"Model '{Model.Id}' input '{Session.InputNames[0]}' is not a fixed NCHW shape: [{string.Join(",", shape)}].");
        }
        return (shape[2], shape[3]);
    }

    public void Dispose()
    {
        Buffers.Dispose();
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
