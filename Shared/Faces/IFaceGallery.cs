using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Shared.Faces;

/// <summary>
/// Identification against the enrolled faces of one embedding model (never across models). The one seam for the
/// search: exact cosine today (<see cref="PostgresFaceGallery"/>); an approximate index (pgvector HNSW) would implement
/// this interface unchanged for callers.
/// </summary>
public interface IFaceGallery
{
    /// <summary>
    /// For each query embedding, the <paramref name="top"/> most similar people of <paramref name="scope"/> at or above
    /// <paramref name="threshold"/>, best first. Other owners' people are not candidates at all.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<FaceMatch>>> SearchAsync(
        ModelEntry model, IReadOnlyList<float[]> queries, int top, float threshold, OwnerScope scope, CancellationToken ct);
}
