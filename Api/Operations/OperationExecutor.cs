using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>Runs plans through the shared <see cref="ProcessingRunner"/> (timeout, bounded concurrency). Thread-safe singleton.</summary>
public sealed class OperationExecutor(ImageProcessor processor, ProcessingRunner runner)
{
    public Task<ProcessedImage> ExecuteAsync(byte[] data, ProcessingPlan plan, CancellationToken ct) =>
        runner.RunAsync(token => processor.Process(data, plan, token), ct);

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct) => runner.RunAsync(work, ct);
}
