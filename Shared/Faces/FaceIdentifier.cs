using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Shared.Faces;

/// <summary>A gallery person matching a face: their current name and the cosine similarity of their best enrolled face.</summary>
public sealed record NamedMatch(Guid PersonId, string Name, float Similarity);

/// <summary>
/// A face of an image and what identification says of it: <see cref="FaceStatuses.Identified"/> (Matches at or above
/// the threshold, best first), <see cref="FaceStatuses.Unknown"/> or <see cref="FaceStatuses.Unusable"/> (not embedded).
/// Index: its position, highest detection score first.
/// </summary>
public sealed record IdentifiedFace(int Index, RecognizedFace Face, string Status, IReadOnlyList<NamedMatch> Matches);

/// <summary>
/// Identifies the usable faces of an image against the people of one owner scope (<see cref="IFaceGallery"/>, only
/// faces of the embedding model that made the query), for POST /api/v1/recognize and the workers' recognize task.
/// Thread-safe singleton.
/// </summary>
public sealed class FaceIdentifier(IFaceGallery gallery, PeopleRepository people)
{
    public async Task<IReadOnlyList<IdentifiedFace>> IdentifyAsync(
        RecognizedImage image, int top, float threshold, OwnerScope scope, CancellationToken ct)
    {
        var usable = Enumerable.Range(0, image.Faces.Count).Where(i => image.Faces[i].IsUsable).ToList();
        var found = await gallery.SearchAsync(image.Embedder, usable.Select(i => image.Faces[i].Embedding!).ToList(), top, threshold, scope, ct);
        var matches = new IReadOnlyList<FaceMatch>[image.Faces.Count];
        for (var i = 0; i < usable.Count; i++)
        {
            matches[usable[i]] = found[i];
        }
        var names = await people.NamesAsync(found.SelectMany(m => m).Select(m => m.PersonId).ToHashSet(), scope, ct);

        return image.Faces.Select((face, index) =>
        {
            var named = (matches[index] ?? [])
                .Where(m => names.ContainsKey(m.PersonId)) // deleted since the search
                .Select(m => new NamedMatch(m.PersonId, names[m.PersonId], MathF.Round(m.Similarity, 4)))
                .ToList();
            var status = !face.IsUsable ? FaceStatuses.Unusable : named.Count > 0 ? FaceStatuses.Identified : FaceStatuses.Unknown;
            return new IdentifiedFace(index, face, status, named);
        }).ToList();
    }
}
