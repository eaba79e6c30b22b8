namespace VisionAspire.Imaging;

/// <summary>The input claims a known format but its header or pixel data cannot be decoded (truncated, corrupt).</summary>
public sealed class CorruptImageException(string message) : ImagingException(message);
