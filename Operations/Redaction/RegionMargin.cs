using VisionAspire.Imaging.Operations;
using VisionAspire.Models;

namespace VisionAspire.Operations.Redaction;

/// <summary>A detection's box widened by a share of its size on every side, in whole pixels, clamped to the image.</summary>
public static class RegionMargin
{
    public static CropRegion Widen(Box box, float margin, int width, int height)
    {
        var (dx, dy) = (box.Width * margin, box.Height * margin);
        var left = Math.Clamp((int)MathF.Floor(box.X - dx), 0, width);
        var top = Math.Clamp((int)MathF.Floor(box.Y - dy), 0, height);
        var right = Math.Clamp((int)MathF.Ceiling(box.X + box.Width + dx), left, width);
        var bottom = Math.Clamp((int)MathF.Ceiling(box.Y + box.Height + dy), top, height);
        return new CropRegion(left, top, right - left, bottom - top);
    }
}
