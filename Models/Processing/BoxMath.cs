namespace VisionAspire.Models.Processing;

internal static class BoxMath
{
    /// <summary>Converts a corner box to an original-image <see cref="Box"/>, clipped to the image.</summary>
    public static Box ToImageBox(float x1, float y1, float x2, float y2, int imageWidth, int imageHeight)
    {
        x1 = Math.Clamp(x1, 0, imageWidth);
        y1 = Math.Clamp(y1, 0, imageHeight);
        x2 = Math.Clamp(x2, 0, imageWidth);
        y2 = Math.Clamp(y2, 0, imageHeight);
        return new Box(x1, y1, Math.Max(0, x2 - x1), Math.Max(0, y2 - y1));
    }

    /// <summary>Scale of a top-left letterbox that fits the image inside <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static float LetterboxScale(int imageWidth, int imageHeight, int width, int height) =>
        Math.Min((float)width / imageWidth, (float)height / imageHeight);
}
