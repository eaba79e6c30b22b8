using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models.Tests;

/// <summary>Detection, alignment, the quality gate and embeddings together, on the shared photos.</summary>
[Collection(PipelinesCollection.Name)]
public sealed class FaceRecognizerTests(PipelinesFixture models)
{
    private const string Woman = "face_single_woman_laptop.jpg";
    private const string Children = "faces_group_children.jpg";

    private FaceRecognizer Recognizer => new(models.YuNet, models.Embedder, new FaceQualityOptions());

    [Fact]
    public void Every_child_of_the_group_photo_is_usable_with_a_unit_embedding()
    {
        var faces = Recognizer.Recognize(TestImages.Load(Children));

        Assert.Equal(8, faces.Count);
        Assert.All(faces, face =>
        {
            Assert.True(face.IsUsable, $"{face.Unusable} (sharpness {face.Sharpness:F0})");
            Assert.Equal(128, face.Embedding!.Length);
            Assert.Equal(1f, FaceEmbedder.CosineSimilarity(face.Embedding, face.Embedding), 3);
        });
        Assert.Equal(faces.Select(f => f.Detection.Score).OrderDescending(), faces.Select(f => f.Detection.Score));
    }

    [Theory]
    [InlineData("mirrored")]
    [InlineData("0.7x")]
    [InlineData("brightened")]
    [InlineData("cropped")]
    public void The_woman_in_an_edited_copy_is_closer_to_herself_than_any_child_is(string edit)
    {
        var original = Single(Recognizer.Recognize(TestImages.Load(Woman)));
        var copy = Single(Recognizer.Recognize(Edited(edit)));
        var children = Recognizer.Recognize(TestImages.Load(Children));

        var same = FaceEmbedder.CosineSimilarity(original.Embedding, copy.Embedding);
        var closestChild = children.Max(c => FaceEmbedder.CosineSimilarity(original.Embedding, c.Embedding));

        Assert.True(same > 0.6f, $"same person {same:F3}");
        Assert.True(closestChild < 0.4f, $"closest child {closestChild:F3}");
    }

    [Fact]
    public void Embedding_a_kept_aligned_crop_gives_the_embedding_of_the_face_it_was_cut_from()
    {
        var image = TestImages.Load(Children);
        var faces = Recognizer.Recognize(image);

        foreach (var face in faces)
        {
            var crop = FaceEmbedder.AlignCrop(image, face.Detection);
            var again = models.Embedder.EmbedAligned(crop.Data);

            Assert.Equal((112, 112, 3), (crop.Width, crop.Height, crop.Bands));
            var same = FaceEmbedder.CosineSimilarity(face.Embedding, again);
            Assert.True(same > 0.99f, $"re-embedded {same:F4}");
            // Still that child rather than any other: the crop is that face, not a generic one.
            Assert.All(faces.Where(other => other != face), other =>
                Assert.True(FaceEmbedder.CosineSimilarity(other.Embedding, again) < same - 0.3f));
        }
    }

    [Fact]
    public void A_registry_version_of_the_catalogued_file_embeds_alike_under_its_own_version_name()
    {
        using var renamed = new FaceEmbedder(models.Store, FaceEmbedder.DefaultModelId, "v2-same-file");
        var image = TestImages.Load(Woman);
        var face = Single(Recognizer.Recognize(image));

        Assert.Equal(("v2-same-file", models.Embedder.Model.Id), (renamed.Model.Version, renamed.Model.Id));
        Assert.True(FaceEmbedder.CosineSimilarity(face.Embedding, renamed.Embed(image, face.Detection)) > 0.9999f);
    }

    [Fact]
    public void Faces_under_the_minimum_size_are_marked_too_small_and_not_embedded()
    {
        // The handshake photo's faces are 60-64 px; a 0.5x copy makes them about 31 px.
        var faces = Recognizer.Recognize(Scaled("faces_two_handshake.jpg", 0.5));

        Assert.NotEmpty(faces);
        Assert.All(faces, face =>
        {
            Assert.Equal(FaceUnusableReason.TooSmall, face.Unusable);
            Assert.Null(face.Embedding);
        });
    }

    [Fact]
    public void The_minimum_size_is_configurable()
    {
        var lenient = new FaceRecognizer(models.YuNet, models.Embedder, new FaceQualityOptions { MinFaceSize = 20 });

        var faces = lenient.Recognize(Scaled("faces_two_handshake.jpg", 0.5));

        Assert.NotEmpty(faces);
        Assert.All(faces, face => Assert.NotEqual(FaceUnusableReason.TooSmall, face.Unusable));
    }

    [Fact]
    public void Children_blurred_with_sigma_3_are_too_blurry_though_still_detected()
    {
        using var image = VipsImage.LoadFile(TestImages.PathOf(Children));
        using var blurred = image.GaussianBlur(3);
        var pixels = blurred.ToPixels();
        var detected = models.YuNet.Detect(pixels);

        Assert.NotEmpty(detected);
        Assert.All(detected, face => Assert.Equal(FaceUnusableReason.TooBlurry, Recognizer.Assess(pixels, face).Unusable));
    }

    [Fact]
    public void Alignment_puts_the_detected_landmarks_on_the_arcface_template()
    {
        var image = TestImages.Load(Children);
        foreach (var face in models.YuNet.Detect(image))
        {
            var imageToCrop = FaceAlignment.CropToImage(face, FaceAlignment.TemplateSize).Invert();
            for (var i = 0; i < 5; i++)
            {
                var (x, y) = imageToCrop.Apply(face.Landmarks![i].X, face.Landmarks[i].Y);
                var (tx, ty) = FaceAlignment.ArcFaceTemplate[i];
                // A similarity cannot fit five points exactly; a real face's residual stays within a few template pixels.
                Assert.True(Math.Abs(x - tx) < 6 && Math.Abs(y - ty) < 6, $"landmark {i} at {x:F1},{y:F1}, template {tx:F1},{ty:F1}");
            }
        }
    }

    [Fact]
    public void Variance_of_laplacian_is_zero_on_a_flat_plane_and_large_on_a_checkerboard()
    {
        var flat = Enumerable.Repeat(128f, 16 * 16).ToArray();
        var checkerboard = Enumerable.Range(0, 16 * 16).Select(i => (i % 16 + i / 16) % 2 == 0 ? 0f : 255f).ToArray();

        Assert.Equal(0, Sharpness.VarianceOfLaplacian(flat, 16, 16), 6);
        Assert.True(Sharpness.VarianceOfLaplacian(checkerboard, 16, 16) > 100_000);
    }

    private static RecognizedFace Single(IReadOnlyList<RecognizedFace> faces)
    {
        var face = Assert.Single(faces);
        Assert.True(face.IsUsable, $"{face.Unusable} (sharpness {face.Sharpness:F0})");
        return face;
    }

    private static PixelBuffer Edited(string edit)
    {
        using var image = VipsImage.LoadFile(TestImages.PathOf(Woman));
        using var upright = image.AutoRotate();
        using var edited = edit switch
        {
            "mirrored" => null,
            "0.7x" => upright.Resize(0.7),
            "brightened" => upright.Brightness(1.3),
            "cropped" => upright.Crop(300, 0, 600, 600),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };
        return edited?.ToPixels() ?? TestImages.Mirror(upright.ToPixels());
    }

    private static PixelBuffer Scaled(string name, double scale)
    {
        using var image = VipsImage.LoadFile(TestImages.PathOf(name));
        using var scaled = image.Resize(scale);
        return scaled.ToPixels();
    }
}
