namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>Bound from "Vision:Inference".</summary>
public sealed class WorkerInferenceOptions
{
    public const string Section = "Vision:Inference";

    /// <summary>"auto" (CUDA when the ORT build has it and a session can be created with it, else CPU), "cuda" or "cpu".</summary>
    public string Provider { get; set; } = "auto";

    /// <summary>Threads per ONNX Runtime session run; messages of a batch already run in parallel.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Long side of the working copy faces are embedded from.</summary>
    public int FaceWorkingSize { get; set; } = 1280;

    /// <summary>Long side of the working copy objects are classified and detected on.</summary>
    public int ObjectWorkingSize { get; set; } = 640;

    /// <summary>Messages pulled and run together per batch (3 per replica measured best on 2 cores; BENCHMARKS.md).</summary>
    public int BatchSize { get; set; } = 3;
}
