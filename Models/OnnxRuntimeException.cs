namespace VisionAspire.Models;

/// <summary>An ONNX Runtime call failed, or the runtime library could not be loaded.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(string message, int errorCode = 0, Exception? inner = null)
        : base(message, inner) => ErrorCode = errorCode;

    /// <summary>The <c>OrtErrorCode</c> of the failed call; 0 when the failure is ours (e.g. library not found).</summary>
    public int ErrorCode { get; }
}
