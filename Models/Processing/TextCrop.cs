using VisionAspire.Imaging;

namespace VisionAspire.Models.Processing;

/// <summary>
/// An upright view of a text region: a <see cref="Width"/> x <see cref="Height"/> image whose top-left, top-right and
/// bottom-left corners lie at <see cref="Origin"/>, <see cref="XEnd"/> and <see cref="YEnd"/> in the source image
/// (an affine map: the detector's quads are rectangles up to rounding). Rotating a crop only relabels its corners,
/// so no pixels are copied until a model's tensor is written.
/// </summary>
internal readonly record struct TextCrop((double X, double Y) Origin, (double X, double Y) XEnd, (double X, double Y) YEnd, int Width, int Height)
{
    /// <summary>PaddleOCR <c>get_rotate_crop_image</c>: the longer of opposite sides, truncated; tall crops turned 90 degrees counter-clockwise.</summary>
    public static TextCrop Of(IReadOnlyList<PixelPoint> quad)
    {
        var width = Math.Max(1, (int)Math.Max(Quad.Distance(quad[0], quad[1]), Quad.Distance(quad[3], quad[2])));
        var height = Math.Max(1, (int)Math.Max(Quad.Distance(quad[0], quad[3]), Quad.Distance(quad[1], quad[2])));
        var crop = new TextCrop((quad[0].X, quad[0].Y), (quad[1].X, quad[1].Y), (quad[3].X, quad[3].Y), width, height);
        return (double)height / width >= 1.5 ? crop.RotatedCounterClockwise() : crop;
    }

    public double AspectRatio => (double)Width / Height;

    private (double X, double Y) Opposite => (XEnd.X + YEnd.X - Origin.X, XEnd.Y + YEnd.Y - Origin.Y);

    public TextCrop RotatedCounterClockwise() => new(XEnd, Opposite, Origin, Height, Width);

    public TextCrop Rotated180() => new(Opposite, YEnd, XEnd, Width, Height);

    /// <summary>
    /// Writes the crop, resized to <paramref name="contentWidth"/> x <paramref name="height"/> (bilinear, edge pixels
    /// replicated), at the left of a <paramref name="width"/>-wide NCHW tensor; the rest is <paramref name="padValue"/>.
    /// </summary>
    public void Write(PixelBuffer image, Span<float> tensor, int width, int height, int contentWidth,
        ChannelOrder order, PixelNormalisation normalisation, float padValue)
    {
        var (ax, ay) = (XEnd.X - Origin.X, XEnd.Y - Origin.Y);
        var (bx, by) = (YEnd.X - Origin.X, YEnd.Y - Origin.Y);
        // Tensor pixel (x, y) samples crop pixel ((x + 0.5) * Width / contentWidth - 0.5, likewise for y), as OpenCV's resize does.
        var (offsetU, offsetV) = (0.5 / contentWidth - 0.5 / Width, 0.5 / height - 0.5 / Height);
        var map = new AffineTransform(
            ax / contentWidth, bx / height, Origin.X + offsetU * ax + offsetV * bx,
            ay / contentWidth, by / height, Origin.Y + offsetU * ay + offsetV * by);
        TensorWriter.Warp(image, tensor, width, height, map, order, normalisation, replicateBorder: true, contentWidth, padValue);
    }
}
