namespace VisionAspire.Models;

/// <summary>How sessions are created: execution provider and ORT thread pools.</summary>
public sealed record InferenceOptions
{
    public static InferenceOptions Default { get; } = new();

    /// <summary>Requested provider. CUDA falls back to CPU (the reason and the fix logged once) when it cannot be used.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>Threads used inside one operator. 1 keeps a Run on the calling thread; 0 lets ORT choose.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads used to run independent graph nodes in parallel (only with parallel execution).</summary>
    public int InterOpThreads { get; init; } = 1;

    public int CudaDeviceId { get; init; }

    /// <summary>Receives diagnostics such as a provider fallback; null writes them to standard error.</summary>
    public Action<string>? Log { get; init; }
}
