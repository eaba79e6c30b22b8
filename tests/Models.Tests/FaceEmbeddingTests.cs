using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class FaceEmbeddingTests(PipelinesFixture models)
{
    private const string Group = "faces_group_children.jpg";

    [Theory]
    [InlineData("yunet")]
    [InlineData("ultraface")]
    public void Same_child_mirrored_or_rescaled_is_closer_than_any_other_child(string detectorName)
    {
        var detector = models.Detector(detectorName);
        var image = TestImages.Load(Group);
        var faces = detector.Detect(image);
        Assert.Equal(8, faces.Count);
        var embeddings = faces.Select(f => models.Embedder.Embed(image, f)).ToArray();

        var mirrored = TestImages.Mirror(image);
        var mirroredFaces = detector.Detect(mirrored);
        var smaller = Rescaled(0.6);
        var smallerFaces = detector.Detect(smaller);

        for (var i = 0; i < faces.Count; i++)
        {
            var box = faces[i].Box;
            var mirror = Nearest(mirroredFaces, image.Width - box.X - box.Width, box.Y);
            var scaled = Nearest(smallerFaces, box.X * 0.6f, box.Y * 0.6f);
            var sameMirrored = FaceEmbedder.CosineSimilarity(embeddings[i], models.Embedder.Embed(mirrored, mirror));
            var sameScaled = FaceEmbedder.CosineSimilarity(embeddings[i], models.Embedder.Embed(smaller, scaled));
            var closestOther = Enumerable.Range(0, faces.Count).Where(j => j != i)
                .Max(j => FaceEmbedder.CosineSimilarity(embeddings[i], embeddings[j]));

            Assert.True(sameMirrored > closestOther, $"face {i}: mirrored {sameMirrored:F3} vs other child {closestOther:F3}");
            Assert.True(sameScaled > closestOther, $"face {i}: rescaled {sameScaled:F3} vs other child {closestOther:F3}");
            Assert.True(closestOther < 0.5f, $"face {i}: different children at {closestOther:F3}");
        }
    }

    [Fact]
    public void Embeddings_are_unit_length_128_floats()
    {
        var image = TestImages.Load("faces_two_handshake.jpg");
        var face = models.YuNet.Detect(image)[0];

        var embedding = models.Embedder.Embed(image, face);

        Assert.Equal(128, embedding.Length);
        Assert.Equal(1f, FaceEmbedder.CosineSimilarity(embedding, embedding), 3);
    }

    [Fact]
    public void Each_embedding_is_the_callers_own_array()
    {
        var image = TestImages.Load("faces_two_handshake.jpg");
        var faces = models.YuNet.Detect(image);

        var first = models.Embedder.Embed(image, faces[0]);
        var kept = first.ToArray();
        var second = models.Embedder.Embed(image, faces[1]);

        Assert.NotSame(first, second);
        Assert.Equal(kept, first); // a later call must not write into an array handed out before
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Two_men_in_the_handshake_photo_are_different_people()
    {
        var image = TestImages.Load("faces_two_handshake.jpg");
        var faces = models.YuNet.Detect(image);

        var similarity = FaceEmbedder.CosineSimilarity(models.Embedder.Embed(image, faces[0]), models.Embedder.Embed(image, faces[1]));

        Assert.True(similarity < 0.5f, $"similarity {similarity:F3}");
    }

    private static PixelBuffer Rescaled(double scale)
    {
        using var image = VipsImage.LoadFile(TestImages.PathOf(Group));
        using var rotated = image.AutoRotate();
        using var resized = rotated.Resize(scale);
        return resized.ToPixels();
    }

    private static FaceDetection Nearest(IReadOnlyList<FaceDetection> faces, float x, float y) =>
        faces.MinBy(f => Math.Abs(f.Box.X - x) + Math.Abs(f.Box.Y - y))!;
}
