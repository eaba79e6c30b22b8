namespace VisionAspire.Models;

/// <summary>Where ONNX Runtime executes a model.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
}
