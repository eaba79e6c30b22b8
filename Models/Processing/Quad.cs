namespace VisionAspire.Models.Processing;

internal static class Quad
{
    /// <summary>
    /// Four corners as top-left, top-right, bottom-right, bottom-left: of the two left-most corners the upper one is
    /// top-left, of the two right-most the upper one is top-right (PaddleOCR's ordering).
    /// </summary>
    public static PixelPoint[] Clockwise(IReadOnlyList<(double X, double Y)> corners)
    {
        var byX = corners.OrderBy(c => c.X).ThenBy(c => c.Y).ToArray();
        var (tl, bl) = byX[0].Y <= byX[1].Y ? (byX[0], byX[1]) : (byX[1], byX[0]);
        var (tr, br) = byX[2].Y <= byX[3].Y ? (byX[2], byX[3]) : (byX[3], byX[2]);
        return [Point(tl), Point(tr), Point(br), Point(bl)];
    }

    /// <summary>The quad in the image turned by 180 degrees, again from its (new) top-left corner.</summary>
    public static PixelPoint[] Rotated180(IReadOnlyList<PixelPoint> quad, int imageWidth, int imageHeight) =>
        [.. new[] { 2, 3, 0, 1 }.Select(i => new PixelPoint(imageWidth - 1 - quad[i].X, imageHeight - 1 - quad[i].Y))];

    public static Box Bounds(IReadOnlyList<PixelPoint> polygon)
    {
        var left = polygon.Min(p => p.X);
        var top = polygon.Min(p => p.Y);
        return new Box(left, top, polygon.Max(p => p.X) - left, polygon.Max(p => p.Y) - top);
    }

    public static double Distance(PixelPoint a, PixelPoint b) => Math.Sqrt(Square(a.X - b.X) + Square(a.Y - b.Y));

    private static PixelPoint Point((double X, double Y) c) => new((int)c.X, (int)c.Y);

    private static double Square(double v) => v * v;
}
