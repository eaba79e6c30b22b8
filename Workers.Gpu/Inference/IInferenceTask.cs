using VisionAspire.Data;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>An image a task produced, to be stored as a processed output (e.g. the blurred copy).</summary>
/// <param name="Extension">The object key's extension, e.g. "jpg".</param>
public sealed record ProcessedImage(byte[] Data, string ContentType, string Extension, int Width, int Height, double TimeMs);

/// <summary>What one task found: its prediction rows and, for tasks that produce one, an image.</summary>
public sealed record TaskOutcome(IReadOnlyList<PredictionRecord> Predictions, ProcessedImage? Output = null)
{
    /// <summary>
    /// I/O that turns what <see cref="IInferenceTask.Run"/> computed into the outcome stored, run after the compute gate
    /// is released (recognize's gallery search); null: this outcome is complete.
    /// </summary>
    public Func<CancellationToken, Task<TaskOutcome>>? Completion { get; init; }
}

/// <summary>
/// One upload task (Contracts.ImageTasks) as the workers run it. Registered in DI; the handler picks the ones an
/// InferenceRequestedV1 names, so a new task is one more implementation and its name in ImageTasks.
/// Implementations are thread-safe; <see cref="Run"/> is blocking, CPU-bound work.
/// </summary>
public interface IInferenceTask
{
    /// <summary>The task's name in ImageTasks.</summary>
    string Name { get; }

    /// <summary>
    /// Whether it runs on the objects' working copy alone (<see cref="InferenceInput.ObjectCopy"/>): then the original
    /// is not read when the Preprocessor's copy is still in Redis.
    /// </summary>
    bool UsesWorkingCopyOnly { get; }

    /// <summary>Loads what <see cref="Run"/> will need and must fetch first (I/O), before the compute gate.</summary>
    /// <exception cref="Shared.ModelRegistry.UnknownModelException">The image asks for a model that cannot serve it: the image fails.</exception>
    Task PrepareAsync(ImageRecord image, CancellationToken ct) => Task.CompletedTask;

    TaskOutcome Run(InferenceInput input);
}
