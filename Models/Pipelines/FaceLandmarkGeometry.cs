namespace VisionAspire.Models;

/// <summary>
/// Whether five landmarks (left-most eye, right-most eye, nose tip, left and right mouth corner) are arranged like a
/// human face, measured in the face's own frame (x along the eye line, y down from it, unit = eye distance) so roll does
/// not matter. Ranges bracket the ArcFace template (nose 0.58 and mouth 1.16 eye distances below the eyes, mouth
/// 0.83 wide) widely enough for yaw and pitch of real faces: the shared photos' faces measure nose 0.38-0.71 along /
/// 0.45-0.67 down, mouth 0.82-1.14 down, except zidane's half-turned second face (nose 1.41/1.25, mouth 2.44 down,
/// eyes 0.21 of the box), which the ranges still admit. A guard against detections whose "nose" or "mouth" lie
/// outside a face; YuNet's bear (score 0.79) passes it and is refused by its score.
/// </summary>
public static class FaceLandmarkGeometry
{
    public static bool IsPlausible(FaceDetection face) => Measure(face) is { } m
        && m.EyeDistanceShare is >= 0.15f and <= 0.8f
        && m.RollDegrees is >= -50 and <= 50
        && m.NoseDrop is >= 0.2f and <= 1.6f
        && m.NoseAlong is >= -0.7f and <= 1.7f
        && m.MouthDrop is >= 0.6f and <= 2.8f
        && m.MouthDrop > m.NoseDrop
        && m.MouthWidth is >= 0.3f and <= 1.4f;

    /// <summary>The landmarks in the face frame; null without five landmarks or with coincident eyes.</summary>
    public static Geometry? Measure(FaceDetection face)
    {
        if (face.Landmarks is not { Count: 5 } p)
        {
            return null;
        }
        var (ex, ey) = (p[1].X - p[0].X, p[1].Y - p[0].Y);
        var distance = MathF.Sqrt(ex * ex + ey * ey);
        if (distance < 1e-3f || face.Box.Width <= 0)
        {
            return null;
        }
        var (ux, uy) = (ex / distance, ey / distance);
        (float Along, float Drop) Frame(Landmark l) =>
            (((l.X - p[0].X) * ux + (l.Y - p[0].Y) * uy) / distance, (-(l.X - p[0].X) * uy + (l.Y - p[0].Y) * ux) / distance);
        var nose = Frame(p[2]);
        var left = Frame(p[3]);
        var right = Frame(p[4]);
        return new Geometry(distance / face.Box.Width, MathF.Atan2(ey, ex) * 180 / MathF.PI, nose.Along, nose.Drop,
            (left.Drop + right.Drop) / 2, right.Along - left.Along);
    }

    /// <summary>Eye distance as a share of the box width, roll, and positions in eye distances (see the class summary).</summary>
    public sealed record Geometry(float EyeDistanceShare, float RollDegrees, float NoseAlong, float NoseDrop, float MouthDrop, float MouthWidth);
}
