namespace VisionAspire.Models.Processing;

/// <summary>
/// Groups text polygons into rows, top to bottom, each row left to right. Taking items by vertical centre, an item
/// joins the current row when its centre is less than half a line height (the smaller of its own and the row's first
/// item's) from the row's first item's centre; otherwise it starts the next row.
/// </summary>
internal static class ReadingOrder
{
    public static List<List<T>> Rows<T>(IEnumerable<T> items, Func<T, IReadOnlyList<PixelPoint>> polygon)
    {
        var rows = new List<List<T>>();
        (double Center, double Height) rowStart = default;
        foreach (var (item, center, height) in items
                     .Select(i => (Item: i, Center: polygon(i).Average(p => p.Y), Height: Height(polygon(i))))
                     .OrderBy(i => i.Center))
        {
            if (rows.Count == 0 || center - rowStart.Center >= Math.Min(height, rowStart.Height) / 2)
            {
                rows.Add([]);
                rowStart = (center, height);
            }
            rows[^1].Add(item);
        }
        foreach (var row in rows)
        {
            row.Sort((a, b) => polygon(a).Min(p => p.X).CompareTo(polygon(b).Min(p => p.X)));
        }
        return rows;
    }

    /// <summary>Mean of the left and right side lengths of a top-left, top-right, bottom-right, bottom-left quad.</summary>
    private static double Height(IReadOnlyList<PixelPoint> quad) => (Quad.Distance(quad[0], quad[3]) + Quad.Distance(quad[1], quad[2])) / 2;
}
