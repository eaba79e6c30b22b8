using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Models;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>JSON written to predictions.payload (jsonb); boxes are in original (auto-rotated) image pixels.</summary>
public static class PredictionPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record BoxPayload(float X, float Y, float Width, float Height);

    public static BoxPayload BoxOf(FaceBoxV1 face) => new(face.X, face.Y, face.Width, face.Height);

    public static string Face(FaceBoxV1 face) =>
        JsonSerializer.Serialize(new { box = BoxOf(face), score = face.Score, landmarks = face.Landmarks }, Json);

    public static string Embedding(FaceBoxV1 face, float[] embedding) =>
        JsonSerializer.Serialize(new { box = BoxOf(face), embedding }, Json);

    /// <summary>A recognized face: box and landmarks in original pixels, its status and the top matches (recognize's shape).</summary>
    public static string RecognizedFace(IdentifiedFace face, ModelEntry detector, float threshold)
    {
        var detection = face.Face.Detection;
        return JsonSerializer.Serialize(new
        {
            index = face.Index,
            box = new BoxPayload(Round(detection.Box.X), Round(detection.Box.Y), Round(detection.Box.Width), Round(detection.Box.Height)),
            score = detection.Score,
            landmarks = detection.Landmarks?.Select(l => new { x = Round(l.X), y = Round(l.Y) }) ?? [],
            status = face.Status,
            unusable = FaceStatuses.Reason(face.Face.Unusable),
            matches = face.Matches,
            threshold,
            detector = new { id = detector.Id, version = detector.Version },
        }, Json);
    }

    public static string Classification(int classId, int rank) =>
        JsonSerializer.Serialize(new { classId, rank }, Json);

    public static string Object(int classId, BoxPayload box) =>
        JsonSerializer.Serialize(new { classId, box }, Json);

    /// <summary>An OCR line: its place in reading order and its four corners, clockwise from the top-left, as [x, y].</summary>
    public static string TextLine(int line, IEnumerable<(int X, int Y)> polygon) =>
        JsonSerializer.Serialize(new { line, polygon = polygon.Select(p => new[] { p.X, p.Y }) }, Json);

    /// <summary>A blurred region, whole pixels.</summary>
    public static string Region(int x, int y, int width, int height) =>
        JsonSerializer.Serialize(new { box = new { x, y, width, height } }, Json);

    private static float Round(float value) => MathF.Round(value, 1);
}
