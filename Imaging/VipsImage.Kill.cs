using VisionAspire.Imaging.Native;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    /// <summary>
    /// Asks libvips to stop every evaluation that reads this image's pixels. The call computing them (encode, pixels,
    /// a measuring operation) then fails with <see cref="ImageProcessingCancelledException"/> within a tile or so.
    /// libvips clears the flag when an evaluation picks it up, and when an evaluation of this very image starts, so
    /// kill while the work runs. Safe to call from any thread while another evaluates the image; a no-op once the
    /// image is disposed.
    /// </summary>
    public void Kill()
    {
        try
        {
            // The SafeHandle marshaller holds a reference for the call, so a concurrent Dispose cannot free the image under it.
            LibVips.vips_image_set_kill(Handle, 1);
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
