namespace VisionAspire.Imaging;

/// <summary>The input is empty, not an image, in a format we do not accept, or a format that cannot be written here.</summary>
public sealed class ImageFormatException(string message) : ImagingException(message);
