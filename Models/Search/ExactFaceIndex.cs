using System.Numerics;

namespace VisionAspire.Models.Search;

/// <summary>A gallery person matching a query face: the best similarity over their faces, and which face gave it.</summary>
public sealed record FaceMatch(Guid PersonId, Guid FaceId, float Similarity);

/// <summary>An enrolled face for the index: L2-normalised embedding, so cosine similarity is the dot product.</summary>
public readonly record struct IndexedFace(Guid FaceId, Guid PersonId, float[] Embedding);

/// <summary>
/// Exact cosine search: every query is compared with every enrolled face (one contiguous array, SIMD dot products),
/// and each person counts once, with their best face. Immutable once built, so thread-safe. Cost grows linearly with the
/// faces (BENCHMARKS.md measures 1k and 100k); an approximate index (pgvector HNSW) would replace it beyond that.
/// </summary>
public sealed class ExactFaceIndex
{
    private readonly float[] _vectors;
    private readonly Guid[] _faceIds;
    private readonly Guid[] _personIds;

    public ExactFaceIndex(IReadOnlyList<IndexedFace> faces, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        _vectors = new float[faces.Count * dimensions];
        _faceIds = new Guid[faces.Count];
        _personIds = new Guid[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            if (faces[i].Embedding.Length != dimensions)
            {
                throw new ArgumentException($"Face {faces[i].FaceId} has {faces[i].Embedding.Length} values, not {dimensions}.", nameof(faces));
            }
            faces[i].Embedding.CopyTo(_vectors, i * dimensions);
            _faceIds[i] = faces[i].FaceId;
            _personIds[i] = faces[i].PersonId;
        }
    }

    public static ExactFaceIndex Empty(int dimensions) => new([], dimensions);

    public int Dimensions { get; }

    public int Count => _faceIds.Length;

    /// <summary>The <paramref name="top"/> people most similar to <paramref name="query"/> at or above <paramref name="threshold"/>, best first.</summary>
    public IReadOnlyList<FaceMatch> Search(ReadOnlySpan<float> query, int top, float threshold)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} values, not {Dimensions}.", nameof(query));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        var best = new Dictionary<Guid, FaceMatch>();
        var vectors = _vectors.AsSpan();
        for (var i = 0; i < _faceIds.Length; i++)
        {
            var similarity = Dot(query, vectors.Slice(i * Dimensions, Dimensions));
            if (similarity >= threshold
                && (!best.TryGetValue(_personIds[i], out var known) || similarity > known.Similarity))
            {
                best[_personIds[i]] = new FaceMatch(_personIds[i], _faceIds[i], similarity);
            }
        }
        return best.Values.OrderByDescending(m => m.Similarity).ThenBy(m => m.PersonId).Take(top).ToList();
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
