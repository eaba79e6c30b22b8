namespace VisionAspire.Models.Processing;

/// <summary>
/// Per-plane affine map from a raw 0..255 sample to a tensor value: <c>(p - Mean[c]) * Scale[c]</c>,
/// where c is the tensor plane (after any RGB/BGR swap).
/// </summary>
internal readonly record struct PixelNormalisation(float Mean0, float Mean1, float Mean2, float Scale0, float Scale1, float Scale2)
{
    public static PixelNormalisation Raw { get; } = new(0, 0, 0, 1, 1, 1);

    public static PixelNormalisation Uniform(float mean, float scale) => new(mean, mean, mean, scale, scale, scale);

    public float Mean(int plane) => plane switch { 0 => Mean0, 1 => Mean1, _ => Mean2 };

    public float Scale(int plane) => plane switch { 0 => Scale0, 1 => Scale1, _ => Scale2 };
}
