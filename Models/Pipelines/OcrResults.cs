using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>A point in original-image pixels.</summary>
public readonly record struct PixelPoint(int X, int Y);

/// <summary>
/// A text region found by the detector: four corners in original-image pixels, clockwise from the top-left
/// (top-left, top-right, bottom-right, bottom-left), and the mean text probability inside them.
/// </summary>
public sealed record TextRegion(IReadOnlyList<PixelPoint> Polygon, float Score)
{
    /// <summary>The axis-aligned box around <see cref="Polygon"/>.</summary>
    public Box Bounds => Quad.Bounds(Polygon);
}

/// <summary>One recognised line of text: what it says, the recogniser's mean per-character confidence, where it is.</summary>
public sealed record TextLine(string Text, float Confidence, IReadOnlyList<PixelPoint> Polygon)
{
    /// <summary>The axis-aligned box around <see cref="Polygon"/>.</summary>
    public Box Bounds => Quad.Bounds(Polygon);
}

/// <summary>
/// Text read from an image: <see cref="Lines"/> in reading order (rows top to bottom, left to right within a row;
/// when most lines are upside down, the order of the page turned upright) and <see cref="Text"/>, the lines of a row
/// joined with a space and the rows with a newline.
/// </summary>
public sealed record OcrResult(IReadOnlyList<TextLine> Lines, string Text);
