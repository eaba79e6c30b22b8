namespace VisionAspire.Models.Processing;

/// <summary>
/// Where a face crop's pixels come from in the image. With five landmarks: the least-squares similarity transform
/// (Umeyama, no reflection) onto the ArcFace 112x112 template, scaled to the crop size; without them: a square around
/// the box widened by <see cref="BoxMargin"/>.
/// </summary>
internal static class FaceAlignment
{
    public const int TemplateSize = 112;

    /// <summary>Extra side length around a detector box, as a share of its longer side, when no landmarks exist.</summary>
    public const float BoxMargin = 0.15f;

    /// <summary>Left-most eye, right-most eye, nose tip, left and right mouth corner as seen, in a 112x112 crop.</summary>
    public static readonly (double X, double Y)[] ArcFaceTemplate =
        [(38.2946, 51.6963), (73.5318, 51.5014), (56.0252, 71.7366), (41.5493, 92.3655), (70.7299, 92.2041)];

    /// <summary>Maps a pixel of a <paramref name="size"/> x <paramref name="size"/> crop to its image position.</summary>
    public static AffineTransform CropToImage(FaceDetection face, int size)
    {
        if (face.Landmarks is { Count: 5 } points)
        {
            var scale = (double)size / TemplateSize;
            Span<(double X, double Y)> from = stackalloc (double, double)[5];
            Span<(double X, double Y)> to = stackalloc (double, double)[5];
            for (var i = 0; i < 5; i++)
            {
                from[i] = (points[i].X, points[i].Y);
                to[i] = (ArcFaceTemplate[i].X * scale, ArcFaceTemplate[i].Y * scale);
            }
            return AffineTransform.EstimateSimilarity(from, to).Invert();
        }

        var box = face.Box;
        var side = Math.Max(box.Width, box.Height) * (1 + BoxMargin);
        var left = box.X + box.Width / 2 - side / 2;
        var top = box.Y + box.Height / 2 - side / 2;
        var step = side / size;
        return new AffineTransform(step, 0, left, 0, step, top);
    }
}
