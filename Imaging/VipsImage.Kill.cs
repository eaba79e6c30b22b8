namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    /// <summary>
    /// Asks libvips to stop every evaluation that reads this image's pixels. The call computing them (encode, pixels,
    /// a measuring operation) then fails with <see cref="ImageProcessingCancelledException"/> within a tile or so; the
    /// kill is used up by that failure, so a later evaluation runs again. A kill no evaluation has reached yet stops
    /// the next one. Safe to call from any thread while another evaluates the image; a no-op once it is disposed.
    /// </summary>
    public void Kill() => _kills[0].Pull();
}
