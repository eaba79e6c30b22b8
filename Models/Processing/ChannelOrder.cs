namespace VisionAspire.Models.Processing;

/// <summary>Channel order of the planes written into an NCHW tensor.</summary>
internal enum ChannelOrder
{
    Rgb,
    Bgr,
}
