namespace VisionAspire.Imaging;

/// <summary>The evaluation was stopped by <see cref="VipsImage.Kill"/> (for example on a processing timeout) before it finished.</summary>
public sealed class ImageProcessingCancelledException(string message) : ImagingException(message);
