namespace VisionAspire.Models.Processing;

internal static class ConvexHull
{
    /// <summary>Andrew's monotone chain: the hull's corners counter-clockwise (in y-down pixels, clockwise on screen); collinear points dropped.</summary>
    public static List<(double X, double Y)> Of(List<(double X, double Y)> points)
    {
        points.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        if (points.Count < 3)
        {
            return points;
        }
        var hull = new List<(double X, double Y)>(points.Count + 1);
        foreach (var p in points)
        {
            AddTurning(hull, p, 2);
        }
        var lowerCount = hull.Count + 1;
        for (var i = points.Count - 2; i >= 0; i--)
        {
            AddTurning(hull, points[i], lowerCount);
        }
        hull.RemoveAt(hull.Count - 1); // the first point again
        return hull;
    }

    private static void AddTurning(List<(double X, double Y)> hull, (double X, double Y) p, int minCount)
    {
        while (hull.Count >= minCount && Cross(hull[^2], hull[^1], p) <= 0)
        {
            hull.RemoveAt(hull.Count - 1);
        }
        hull.Add(p);
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
}
