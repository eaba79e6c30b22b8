namespace VisionAspire.Cli.Analyze;

/// <summary>One line of analyze output. Absent tasks are null and left out of the JSON.</summary>
public sealed record AnalysisResult(string File)
{
    public int? Width { get; init; }
    public int? Height { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<FaceResult>? Faces { get; init; }
    public IReadOnlyList<ClassResult>? Classes { get; init; }
    public IReadOnlyList<ObjectResult>? Objects { get; init; }
    public IReadOnlyList<TextLineResult>? Text { get; init; }
    public string? Error { get; init; }
}

public sealed record BoxResult(float X, float Y, float Width, float Height);

public sealed record FaceResult(BoxResult Box, float Score, float[]? Embedding);

public sealed record ClassResult(string Label, float Score);

public sealed record ObjectResult(string Label, float Score, BoxResult Box);

/// <summary>A line of text read by OCR; the polygon's corners run clockwise from the top-left, in original pixels.</summary>
public sealed record TextLineResult(string Text, float Confidence, IReadOnlyList<PointResult> Polygon);

public sealed record PointResult(float X, float Y);
