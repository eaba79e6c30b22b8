namespace VisionAspire.Models.Processing;

/// <summary>
/// A rectangle at any angle: centre, unit axis <c>(Ux, Uy)</c> along its width (the perpendicular along its
/// height) and half side lengths.
/// </summary>
internal readonly record struct RotatedRect(double CenterX, double CenterY, double Ux, double Uy, double HalfWidth, double HalfHeight)
{
    public double ShortSide => 2 * Math.Min(HalfWidth, HalfHeight);

    public double Area => 4 * HalfWidth * HalfHeight;

    public double Perimeter => 4 * (HalfWidth + HalfHeight);

    /// <summary>The same rectangle grown by <paramref name="distance"/> on every side.</summary>
    public RotatedRect Grow(double distance) => this with { HalfWidth = HalfWidth + distance, HalfHeight = HalfHeight + distance };

    /// <summary>The four corners, in no particular order.</summary>
    public (double X, double Y)[] Corners()
    {
        var (vx, vy) = (-Uy, Ux);
        var (wx, wy) = (Ux * HalfWidth, Uy * HalfWidth);
        var (hx, hy) = (vx * HalfHeight, vy * HalfHeight);
        return
        [
            (CenterX - wx - hx, CenterY - wy - hy),
            (CenterX + wx - hx, CenterY + wy - hy),
            (CenterX + wx + hx, CenterY + wy + hy),
            (CenterX - wx + hx, CenterY - wy + hy),
        ];
    }

    /// <summary>
    /// The smallest-area rectangle around a convex polygon (rotating calipers: one side lies on a hull edge).
    /// A single point or a segment gives a rectangle with zero height.
    /// </summary>
    public static RotatedRect MinimumAround(IReadOnlyList<(double X, double Y)> hull)
    {
        if (hull.Count == 1)
        {
            return new RotatedRect(hull[0].X, hull[0].Y, 1, 0, 0, 0);
        }
        var best = default(RotatedRect);
        var bestArea = double.MaxValue;
        for (var i = 0; i < hull.Count; i++)
        {
            var (ax, ay) = hull[i];
            var (bx, by) = hull[(i + 1) % hull.Count];
            var length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            if (length < 1e-9)
            {
                continue;
            }
            var (ux, uy) = ((bx - ax) / length, (by - ay) / length);
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var (x, y) in hull)
            {
                var u = x * ux + y * uy;
                var v = -x * uy + y * ux;
                minU = Math.Min(minU, u);
                maxU = Math.Max(maxU, u);
                minV = Math.Min(minV, v);
                maxV = Math.Max(maxV, v);
            }
            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                var (cu, cv) = ((minU + maxU) / 2, (minV + maxV) / 2);
                best = new RotatedRect(cu * ux - cv * uy, cu * uy + cv * ux, ux, uy, (maxU - minU) / 2, (maxV - minV) / 2);
            }
        }
        return best;
    }
}
