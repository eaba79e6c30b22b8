using System.Globalization;
using System.Text.Json;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Results;

public sealed record Box(float X, float Y, float Width, float Height);

public sealed record FaceMark(Box Box, float? Score, IReadOnlyList<(float X, float Y)> Landmarks);

public sealed record ObjectMark(Box Box, string Label, float? Score);

/// <summary>A face the recognize task identified (<see cref="Status"/> "identified", with its best match) or not ("unknown", "unusable").</summary>
public sealed record PersonMark(Box Box, string Status, string? Name, float? Similarity)
{
    public string Caption => Name is null ? $"{Status} face" : $"{Name} {Similarity:P0}";
}

public sealed record TextMark(IReadOnlyList<(float X, float Y)> Polygon, string Text, float? Score)
{
    public string Points => string.Join(' ', Polygon.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));
}

/// <summary>
/// The shapes to draw over an image, read from its predictions' payloads (coordinates in the original,
/// auto-rotated image's pixels, as the workers write them).
/// </summary>
public sealed record Overlay(IReadOnlyList<FaceMark> Faces, IReadOnlyList<ObjectMark> Objects, IReadOnlyList<TextMark> Texts, IReadOnlyList<PersonMark> People)
{
    public const string FaceTask = "face-detection";
    public const string ObjectTask = "object-detection";
    public const string RecognitionTask = "face-recognition";

    public bool IsEmpty => Faces.Count == 0 && Objects.Count == 0 && Texts.Count == 0 && People.Count == 0;

    public static Overlay From(IEnumerable<Prediction> predictions)
    {
        var faces = new List<FaceMark>();
        var objects = new List<ObjectMark>();
        var texts = new List<TextMark>();
        var people = new List<PersonMark>();
        foreach (var prediction in predictions)
        {
            if (prediction.Payload is not { ValueKind: JsonValueKind.Object } payload)
            {
                continue;
            }

            if (prediction.Task == FaceTask && BoxOf(payload) is { } face)
            {
                faces.Add(new FaceMark(face, prediction.Confidence, PointsOf(payload, "landmarks")));
            }
            else if (prediction.Task == ObjectTask && BoxOf(payload) is { } box)
            {
                objects.Add(new ObjectMark(box, prediction.Label ?? "object", prediction.Confidence));
            }
            else if (prediction.Task == RecognitionTask && BoxOf(payload) is { } who)
            {
                people.Add(PersonOf(who, prediction, payload));
            }
            else if (prediction.Task.Contains("ocr", StringComparison.OrdinalIgnoreCase))
            {
                texts.AddRange(TextsOf(prediction, payload));
            }
        }

        return new Overlay(faces, objects, texts, people);
    }

    /// <summary>The row's label is the face's status; its payload lists the matches, best first.</summary>
    private static PersonMark PersonOf(Box box, Prediction prediction, JsonElement payload)
    {
        var best = payload.TryGetProperty("matches", out var matches) && matches.ValueKind == JsonValueKind.Array
            ? matches.EnumerateArray().FirstOrDefault(m => m.ValueKind == JsonValueKind.Object)
            : default;
        return best.ValueKind == JsonValueKind.Object
            ? new PersonMark(box, prediction.Label ?? "identified", StringOf(best, "name"), FloatOf(best, "similarity"))
            : new PersonMark(box, prediction.Label ?? "unknown", null, null);
    }

    private static IEnumerable<TextMark> TextsOf(Prediction prediction, JsonElement payload)
    {
        // One prediction per line ({polygon, text}), or one per image with all its lines ({lines: [...]}).
        if (payload.TryGetProperty("lines", out var lines) && lines.ValueKind == JsonValueKind.Array)
        {
            foreach (var line in lines.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Object))
            {
                if (PointsOf(line, "polygon") is { Count: >= 3 } polygon)
                {
                    yield return new TextMark(polygon, StringOf(line, "text") ?? "", FloatOf(line, "confidence"));
                }
            }
        }
        else if (PointsOf(payload, "polygon") is { Count: >= 3 } polygon)
        {
            yield return new TextMark(polygon, prediction.Label ?? StringOf(payload, "text") ?? "", prediction.Confidence);
        }
    }

    private static Box? BoxOf(JsonElement payload) =>
        payload.TryGetProperty("box", out var box) && box.ValueKind == JsonValueKind.Object
        && FloatOf(box, "x") is { } x && FloatOf(box, "y") is { } y
        && FloatOf(box, "width") is { } width && FloatOf(box, "height") is { } height
            ? new Box(x, y, width, height)
            : null;

    /// <summary>Points written as [x1, y1, x2, y2, ...], [[x, y], ...] or [{x, y}, ...].</summary>
    private static List<(float X, float Y)> PointsOf(JsonElement payload, string name)
    {
        var points = new List<(float, float)>();
        if (!payload.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return points;
        }

        var items = array.EnumerateArray().ToList();
        if (items.All(i => i.ValueKind == JsonValueKind.Number))
        {
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                points.Add((items[i].GetSingle(), items[i + 1].GetSingle()));
            }

            return points;
        }

        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() >= 2)
            {
                points.Add((item[0].GetSingle(), item[1].GetSingle()));
            }
            else if (item.ValueKind == JsonValueKind.Object && FloatOf(item, "x") is { } x && FloatOf(item, "y") is { } y)
            {
                points.Add((x, y));
            }
        }

        return points;
    }

    private static float? FloatOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetSingle() : null;

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
