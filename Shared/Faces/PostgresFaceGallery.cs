using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Shared.Faces;

/// <summary>
/// Exact cosine search over the faces in Postgres, held in memory per model version and reloaded when the gallery
/// version (bumped by a trigger on every enrolment or deletion, from any replica) has moved: each search costs one
/// one-row read plus the scan. Each owner's faces form an index of their own (and all of them one for admins), so a
/// search only ever compares with the faces its scope may see. Thread-safe singleton.
/// </summary>
public sealed class PostgresFaceGallery(PeopleRepository people) : IFaceGallery, IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Loaded? _loaded;

    public async Task<IReadOnlyList<IReadOnlyList<FaceMatch>>> SearchAsync(
        ModelEntry model, IReadOnlyList<float[]> queries, int top, float threshold, OwnerScope scope, CancellationToken ct)
    {
        if (queries.Count == 0)
        {
            return [];
        }
        var index = (await LoadAsync(model, queries[0].Length, ct)).For(scope);
        return queries.Select(q => index.Search(q, top, threshold)).ToList();
    }

    private async Task<Loaded> LoadAsync(ModelEntry model, int dimensions, CancellationToken ct)
    {
        var version = await people.GalleryVersionAsync(ct);
        if (_loaded is { } current && current.Matches(model, version))
        {
            return current;
        }
        await _reload.WaitAsync(ct);
        try
        {
            if (_loaded is { } other && other.Matches(model, version))
            {
                return other;
            }
            var snapshot = await people.LoadGalleryAsync(model.Id, model.Version, ct);
            var byOwner = snapshot.Faces.Where(f => f.OwnerId is not null)
                .GroupBy(f => f.OwnerId!.Value)
                .ToDictionary(g => g.Key, g => new ExactFaceIndex(g.Select(Indexed).ToList(), dimensions));
            var all = new ExactFaceIndex(snapshot.Faces.Select(Indexed).ToList(), dimensions);
            _loaded = new Loaded(model.Id, model.Version, snapshot.Version, all, byOwner, ExactFaceIndex.Empty(dimensions));
            return _loaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static IndexedFace Indexed(GalleryFace face) => new(face.FaceId, face.PersonId, face.Embedding);

    public void Dispose() => _reload.Dispose();

    private sealed record Loaded(
        string ModelId, string ModelVersion, long GalleryVersion, ExactFaceIndex All, IReadOnlyDictionary<Guid, ExactFaceIndex> ByOwner,
        ExactFaceIndex Empty)
    {
        // A newer snapshot than the version read is fine too: it only has more recent changes.
        public bool Matches(ModelEntry model, long version) => ModelId == model.Id && ModelVersion == model.Version && GalleryVersion >= version;

        public ExactFaceIndex For(OwnerScope scope) =>
            scope.UserId is { } owner ? ByOwner.GetValueOrDefault(owner, Empty) : All;
    }
}
