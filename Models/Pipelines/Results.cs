namespace VisionAspire.Models;

/// <summary>An axis-aligned box in original-image pixels.</summary>
public sealed record Box(float X, float Y, float Width, float Height)
{
    public float Area => Width * Height;
}

public readonly record struct Landmark(float X, float Y);

/// <summary>A detected face. Landmarks (YuNet only): left-most eye, right-most eye, nose tip, left and right mouth corner as seen in the image.</summary>
public sealed record FaceDetection(Box Box, float Score, IReadOnlyList<Landmark>? Landmarks);

public sealed record Classification(string Label, int ClassId, float Score);

public sealed record ObjectDetection(string Label, int ClassId, float Score, Box Box);
