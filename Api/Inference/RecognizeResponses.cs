using System.Text.Json.Serialization;
using VisionAspire.Models;

namespace VisionAspire.Api.Inference;

/// <summary>A gallery person matching a face; Similarity: cosine of the embeddings (their best enrolled face).</summary>
public sealed record PersonMatchResponse(Guid PersonId, string Name, float Similarity);

/// <summary>
/// A face: Index (its position, highest detection score first; the <c>face</c> of enrolment), box and landmarks in
/// upright original pixels, Status <c>identified</c> (Matches at or above the threshold, best first), <c>unknown</c>
/// (no person reaches it) or <c>unusable</c> (Unusable says why: too-small, too-blurry; not embedded).
/// </summary>
public sealed record RecognizedFaceResponse(
    int Index,
    BoxResponse Box,
    float Score,
    IReadOnlyList<PointResponse> Landmarks,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unusable,
    IReadOnlyList<PersonMatchResponse> Matches);

public sealed record RecognizeResponse(
    int Width, int Height, ModelResponse Detector, ModelResponse Embedder, int Top, float Threshold, IReadOnlyList<RecognizedFaceResponse> Faces);

/// <summary>A face's landmarks as the responses draw them.</summary>
public static class FacePoints
{
    public static IReadOnlyList<PointResponse> Of(FaceDetection face) =>
        face.Landmarks?.Select(l => new PointResponse(BoxResponse.Round(l.X), BoxResponse.Round(l.Y))).ToList() ?? [];
}
