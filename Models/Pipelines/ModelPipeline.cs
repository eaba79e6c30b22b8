namespace VisionAspire.Models;

/// <summary>
/// Owns the session of one catalogued model. Subclasses are thread-safe: each call rents its own tensors from a
/// bounded <see cref="BufferPool{T}"/> and gives them back before returning, and nothing returned aliases them.
/// </summary>
public abstract class ModelPipeline : IDisposable
{
    private protected ModelPipeline(ModelStore store, string modelId)
    {
        Model = store.Entry(modelId);
        Session = store.Open(modelId);
    }

    public ModelEntry Model { get; }

    /// <summary>The underlying session (for benchmarks and diagnostics); shared, do not dispose.</summary>
    public InferenceSession Session { get; }

    private protected NodeMetadata Input => Session.Inputs[0];

    /// <summary>Height and width of a fixed-size NCHW input.</summary>
    private protected (int Height, int Width) FixedInputSize()
    {
        var shape = Input.Shape;
        if (shape.Count != 4 || shape[2] <= 0 || shape[3] <= 0)
        {
            throw new InvalidOperationException($"Model '{Model.Id}' input '{Input.Name}' is not a fixed NCHW shape: [{string.Join(",", shape)}].");
        }
        return ((int)shape[2], (int)shape[3]);
    }

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
