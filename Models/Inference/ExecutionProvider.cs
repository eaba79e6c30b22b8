namespace VisionAspire.Models;

/// <summary>Where ONNX Runtime executes a model (configuration <c>Vision:Inference:Provider</c>).</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when this build of ONNX Runtime has the CUDA provider and a session can be created with it, else CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
