namespace VisionAspire.Models.Processing;

/// <summary>A 2x3 affine map: <c>x' = A*x + B*y + C</c>, <c>y' = D*x + E*y + F</c>.</summary>
internal readonly record struct AffineTransform(double A, double B, double C, double D, double E, double F)
{
    public (double X, double Y) Apply(double x, double y) => (A * x + B * y + C, D * x + E * y + F);

    public AffineTransform Invert()
    {
        var det = A * E - B * D;
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("The transform is singular.");
        }
        var a = E / det;
        var b = -B / det;
        var d = -D / det;
        var e = A / det;
        return new AffineTransform(a, b, -(a * C + b * F), d, e, -(d * C + e * F));
    }

    /// <summary>
    /// Least-squares similarity (rotation, uniform scale, translation; no reflection) mapping
    /// <paramref name="from"/> points onto <paramref name="to"/> points.
    /// </summary>
    public static AffineTransform EstimateSimilarity(ReadOnlySpan<(double X, double Y)> from, ReadOnlySpan<(double X, double Y)> to)
    {
        if (from.Length != to.Length || from.Length < 2)
        {
            throw new ArgumentException("Need at least two point pairs of equal count.");
        }
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (var i = 0; i < from.Length; i++)
        {
            fx += from[i].X; fy += from[i].Y; tx += to[i].X; ty += to[i].Y;
        }
        fx /= from.Length; fy /= from.Length; tx /= to.Length; ty /= to.Length;

        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < from.Length; i++)
        {
            var px = from[i].X - fx;
            var py = from[i].Y - fy;
            var qx = to[i].X - tx;
            var qy = to[i].Y - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        var a = dot / norm;   // s*cos
        var b = cross / norm; // s*sin
        return new AffineTransform(a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy));
    }
}
