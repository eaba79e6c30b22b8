using System.Text.Json.Serialization;
using VisionAspire.Models;

namespace VisionAspire.Api.Inference;

/// <summary>The catalogued model that produced a result.</summary>
public sealed record ModelResponse(string Id, string Version)
{
    public static ModelResponse Of(ModelEntry model) => new(model.Id, model.Version);
}

/// <summary>An axis-aligned box in original-image pixels (upright, EXIF orientation applied), rounded to 0.1 px.</summary>
public sealed record BoxResponse(float X, float Y, float Width, float Height)
{
    public static BoxResponse Of(Box box) => new(Round(box.X), Round(box.Y), Round(box.Width), Round(box.Height));

    internal static float Round(float value) => MathF.Round(value, 1);
}

public sealed record PointResponse(float X, float Y);

public sealed record DetectedObjectResponse(string Label, int ClassId, float Score, BoxResponse Box);

/// <summary>COCO-80 objects, highest score first; Width/Height are the upright image's.</summary>
public sealed record DetectObjectsResponse(int Width, int Height, ModelResponse Model, IReadOnlyList<DetectedObjectResponse> Objects);

/// <summary>A face; Landmarks (YuNet only): left-most eye, right-most eye, nose tip, left and right mouth corner as seen.</summary>
public sealed record DetectedFaceResponse(
    BoxResponse Box,
    float Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PointResponse>? Landmarks);

public sealed record DetectFacesResponse(int Width, int Height, string Detector, ModelResponse Model, IReadOnlyList<DetectedFaceResponse> Faces);

public sealed record ClassificationResponse(string Label, int ClassId, float Score);

/// <summary>The CIFAR-10 class derived from the ImageNet top-5 (the workers' mapping), or "none".</summary>
public sealed record Cifar10Response(string Label, float Confidence);

/// <summary><see cref="Cifar10"/>: only for the built-in ImageNet classifier (null for an uploaded model).</summary>
public sealed record ClassifyResponse(ModelResponse Model, IReadOnlyList<ClassificationResponse> Top, Cifar10Response? Cifar10);

/// <summary>A blurred rectangle in upright image pixels: the detection's box widened by the target's margin.</summary>
public sealed record BlurredRegionResponse(string Target, int X, int Y, int Width, int Height, float Score);

public sealed record BlurResponse(int Width, int Height, string Mode, int Strength, IReadOnlyList<BlurredRegionResponse> Regions);

/// <summary>A line of text; Polygon: its four corners in upright original pixels, clockwise from the top-left.</summary>
public sealed record OcrLineResponse(string Text, float Confidence, IReadOnlyList<PointResponse> Polygon);

/// <summary>The lines in reading order, and the text: a row's lines joined with a space, rows with a newline.</summary>
public sealed record OcrResponse(IReadOnlyList<OcrLineResponse> Lines, string Text);
