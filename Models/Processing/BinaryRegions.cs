namespace VisionAspire.Models.Processing;

/// <summary>
/// The 8-connected regions of a thresholded map, each reduced to its convex hull (pixel centres), which is all a
/// minimum-area rectangle needs (the same rectangle OpenCV's <c>minAreaRect</c> gives for the region's outer contour).
/// </summary>
internal static class BinaryRegions
{
    /// <summary>Hulls of the regions where <c>map[i] &gt; threshold</c>, at most <paramref name="maxRegions"/>, in raster order of their first pixel.</summary>
    public static List<List<(double X, double Y)>> Hulls(ReadOnlySpan<float> map, int width, int height, float threshold, int maxRegions)
    {
        var visited = new bool[width * height];
        var rowMin = new int[height];
        var rowMax = new int[height];
        var stack = new Stack<int>();
        var hulls = new List<List<(double X, double Y)>>();
        for (var start = 0; start < map.Length && hulls.Count < maxRegions; start++)
        {
            if (visited[start] || map[start] <= threshold)
            {
                continue;
            }
            // Raster order makes the first pixel one of the region's topmost: rows only grow downwards.
            int top = start / width, bottom = top;
            rowMin[top] = int.MaxValue;
            rowMax[top] = int.MinValue;
            visited[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var index = stack.Pop();
                var (x, y) = (index % width, index / width);
                if (y > bottom)
                {
                    for (var row = bottom + 1; row <= y; row++)
                    {
                        rowMin[row] = int.MaxValue;
                        rowMax[row] = int.MinValue;
                    }
                    bottom = y;
                }
                rowMin[y] = Math.Min(rowMin[y], x);
                rowMax[y] = Math.Max(rowMax[y], x);
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if ((uint)ny >= (uint)height)
                    {
                        continue;
                    }
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        var neighbour = ny * width + nx;
                        if ((uint)nx < (uint)width && !visited[neighbour] && map[neighbour] > threshold)
                        {
                            visited[neighbour] = true;
                            stack.Push(neighbour);
                        }
                    }
                }
            }
            var extremes = new List<(double X, double Y)>();
            for (var row = top; row <= bottom; row++)
            {
                if (rowMin[row] <= rowMax[row])
                {
                    extremes.Add((rowMin[row], row));
                    if (rowMax[row] != rowMin[row])
                    {
                        extremes.Add((rowMax[row], row));
                    }
                }
            }
            hulls.Add(ConvexHull.Of(extremes));
        }
        return hulls;
    }
}
