using VisionAspire.Models.Search;

namespace VisionAspire.Models.Tests;

public sealed class ExactFaceIndexTests
{
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Each_person_counts_once_with_their_best_face_best_person_first()
    {
        var index = new ExactFaceIndex(
        [
            new(Guid.NewGuid(), Ann, Unit(1, 0, 0)),
            new(Guid.NewGuid(), Ann, Unit(1, 1, 0)),
            new(Guid.NewGuid(), Bob, Unit(0, 1, 0)),
        ], 3);

        var matches = index.Search(Unit(1, 0.2f, 0), top: 3, threshold: -1);

        Assert.Equal([Ann, Bob], matches.Select(m => m.PersonId));
        Assert.Equal(Cos(Unit(1, 0, 0), Unit(1, 0.2f, 0)), matches[0].Similarity, 5);
    }

    [Fact]
    public void People_below_the_threshold_and_beyond_top_are_left_out()
    {
        var index = new ExactFaceIndex([new(Guid.NewGuid(), Ann, Unit(1, 0, 0)), new(Guid.NewGuid(), Bob, Unit(0.9f, 0.1f, 0))], 3);

        Assert.Empty(index.Search(Unit(0, 0, 1), top: 3, threshold: 0.5f));
        Assert.Equal([Ann], index.Search(Unit(1, 0, 0), top: 1, threshold: 0.5f).Select(m => m.PersonId));
    }

    [Fact]
    public void Long_embeddings_use_every_value_past_the_simd_width()
    {
        var query = Enumerable.Range(0, 131).Select(i => (float)Math.Sin(i)).ToArray();
        var face = Enumerable.Range(0, 131).Select(i => (float)Math.Cos(i)).ToArray();
        var index = new ExactFaceIndex([new(Guid.NewGuid(), Ann, face)], 131);

        var similarity = index.Search(query, 1, float.MinValue)[0].Similarity;

        Assert.Equal(query.Zip(face, (a, b) => a * b).Sum(), similarity, 3);
    }

    private static float[] Unit(float x, float y, float z)
    {
        var norm = MathF.Sqrt(x * x + y * y + z * z);
        return [x / norm, y / norm, z / norm];
    }

    private static float Cos(float[] a, float[] b) => a.Zip(b, (p, q) => p * q).Sum();
}
