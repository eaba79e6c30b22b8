namespace VisionAspire.Models.Tests;

/// <summary>The primary rule; the shared photos are labelled through it in ConfirmedFaceLabellerTests.</summary>
public sealed class ImageKindLabellerTests
{
    [Theory]
    [InlineData(0.95f, 60, 60, "face")]   // 3,600 px of 640,000 = 0.56 %
    [InlineData(0.95f, 50, 50, "object")] // 0.39 %: an incidental face
    [InlineData(0.80f, 400, 400, "object")] // big but unsure: the bear's head scores 0.79 with YuNet
    [InlineData(0.85f, 400, 400, "face")]
    public void Needs_a_confident_face_covering_a_minimum_share(float score, float width, float height, string expected)
    {
        var faces = new[] { new FaceDetection(new Box(10, 10, width, height), score, null) };

        Assert.Equal(expected, ImageKindLabeller.Label(faces, 800, 800));
    }

    [Fact]
    public void No_faces_is_object()
    {
        Assert.Equal(ImageKindLabeller.Object, ImageKindLabeller.Label([], 100, 100));
    }
}
