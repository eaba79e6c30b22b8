namespace VisionAspire.Models.Processing;

/// <summary>
/// PaddleOCR's <c>DBPostProcess</c> (differentiable binarisation) with its default settings: threshold the text
/// probability map, take each connected region's minimum-area rectangle, keep those whose mean probability is high
/// enough, grow them by <c>area * UnclipRatio / perimeter</c> (the shrink the model was trained with, undone) and map
/// them back to the original image.
/// </summary>
internal static class DbPostProcessing
{
    public const float BinaryThreshold = 0.3f;
    public const float BoxThreshold = 0.6f;
    public const double UnclipRatio = 1.5;
    public const int MaxCandidates = 1000;
    private const double MinSize = 3;

    public static List<TextRegion> Regions(ReadOnlySpan<float> probability, int mapWidth, int mapHeight, int imageWidth, int imageHeight)
    {
        var regions = new List<TextRegion>();
        var scaleX = (double)imageWidth / mapWidth;
        var scaleY = (double)imageHeight / mapHeight;
        foreach (var hull in BinaryRegions.Hulls(probability, mapWidth, mapHeight, BinaryThreshold, MaxCandidates))
        {
            var rect = RotatedRect.MinimumAround(hull);
            if (rect.ShortSide < MinSize)
            {
                continue;
            }
            var score = MeanInside(probability, mapWidth, mapHeight, rect);
            if (score < BoxThreshold)
            {
                continue;
            }
            var grown = rect.Grow(rect.Area * UnclipRatio / rect.Perimeter);
            if (grown.ShortSide < MinSize + 2)
            {
                continue;
            }
            var corners = grown.Corners()
                .Select(c => (X: Math.Clamp(Math.Round(c.X * scaleX), 0, imageWidth - 1), Y: Math.Clamp(Math.Round(c.Y * scaleY), 0, imageHeight - 1)))
                .ToArray();
            var polygon = Quad.Clockwise(corners);
            if ((int)Quad.Distance(polygon[0], polygon[1]) <= MinSize || (int)Quad.Distance(polygon[0], polygon[3]) <= MinSize)
            {
                continue;
            }
            regions.Add(new TextRegion(polygon, score));
        }
        return regions;
    }

    /// <summary>Mean probability over the map pixels whose centres lie inside the rectangle (edges included).</summary>
    private static float MeanInside(ReadOnlySpan<float> probability, int width, int height, RotatedRect rect)
    {
        var corners = rect.Corners();
        var left = Math.Clamp((int)Math.Floor(corners.Min(c => c.X)), 0, width - 1);
        var right = Math.Clamp((int)Math.Ceiling(corners.Max(c => c.X)), 0, width - 1);
        var top = Math.Clamp((int)Math.Floor(corners.Min(c => c.Y)), 0, height - 1);
        var bottom = Math.Clamp((int)Math.Ceiling(corners.Max(c => c.Y)), 0, height - 1);
        var (halfU, halfV) = (rect.HalfWidth + 0.5, rect.HalfHeight + 0.5);
        double sum = 0;
        var count = 0;
        for (var y = top; y <= bottom; y++)
        {
            for (var x = left; x <= right; x++)
            {
                var (dx, dy) = (x - rect.CenterX, y - rect.CenterY);
                if (Math.Abs(dx * rect.Ux + dy * rect.Uy) <= halfU && Math.Abs(-dx * rect.Uy + dy * rect.Ux) <= halfV)
                {
                    sum += probability[y * width + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : (float)(sum / count);
    }
}
