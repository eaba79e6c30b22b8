namespace VisionAspire.Imaging;

/// <summary>How a thumbnail fits the requested box.</summary>
public enum ResizeMode
{
    /// <summary>Keep aspect ratio, fit inside the box.</summary>
    Fit,

    /// <summary>Keep aspect ratio, cover the box, centre-crop the overflow: output is exactly the box.</summary>
    Fill,

    /// <summary>Stretch to exactly the box (aspect ratio not kept).</summary>
    Exact,

    /// <summary>Fit inside the box, then pad (black, or transparent with alpha) to exactly the box, centred.</summary>
    Pad,
}
