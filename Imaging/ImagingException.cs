namespace VisionAspire.Imaging;

/// <summary>Base of every imaging failure; the message carries libvips' own explanation where there is one.</summary>
public class ImagingException : Exception
{
    public ImagingException(string message) : base(message)
    {
    }

    public ImagingException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
