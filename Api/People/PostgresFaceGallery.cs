using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Search;

namespace VisionAspire.Api.People;

/// <summary>
/// Exact cosine search over the faces in Postgres, held in memory per model version and reloaded when the gallery
/// version (bumped by a trigger on every enrolment or deletion, from any replica) has moved: each search costs one
/// one-row read plus the scan. Thread-safe singleton.
/// </summary>
public sealed class PostgresFaceGallery(PeopleRepository people) : IFaceGallery, IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Loaded? _loaded;

    public async Task<IReadOnlyList<IReadOnlyList<FaceMatch>>> SearchAsync(
        ModelEntry model, IReadOnlyList<float[]> queries, int top, float threshold, CancellationToken ct)
    {
        if (queries.Count == 0)
        {
            return [];
        }
        var index = await IndexAsync(model, queries[0].Length, ct);
        return queries.Select(q => index.Search(q, top, threshold)).ToList();
    }

    private async Task<ExactFaceIndex> IndexAsync(ModelEntry model, int dimensions, CancellationToken ct)
    {
        var version = await people.GalleryVersionAsync(ct);
        if (_loaded is { } current && current.Matches(model, version))
        {
            return current.Index;
        }
        await _reload.WaitAsync(ct);
        try
        {
            if (_loaded is { } other && other.Matches(model, version))
            {
                return other.Index;
            }
            var snapshot = await people.LoadGalleryAsync(model.Id, model.Version, ct);
            var faces = snapshot.Faces.Select(f => new IndexedFace(f.FaceId, f.PersonId, f.Embedding)).ToList();
            var index = new ExactFaceIndex(faces, dimensions);
            _loaded = new Loaded(model.Id, model.Version, snapshot.Version, index);
            return index;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose() => _reload.Dispose();

    private sealed record Loaded(string ModelId, string ModelVersion, long GalleryVersion, ExactFaceIndex Index)
    {
        // A newer snapshot than the version read is fine too: it only has more recent changes.
        public bool Matches(ModelEntry model, long version) => ModelId == model.Id && ModelVersion == model.Version && GalleryVersion >= version;
    }
}
