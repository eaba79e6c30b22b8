using VisionAspire.Models.Registry;
using VisionAspire.TestSupport;

namespace VisionAspire.Models.Tests;

/// <summary>Uploaded classifiers: the shared SqueezeNet read in place as if uploaded, and models that must be refused.</summary>
[Collection(PipelinesCollection.Name)]
public sealed class CustomImageClassifierTests(PipelinesFixture models)
{
    /// <summary>SqueezeNet's own preprocessing (MANIFEST.md): BGR, 224x224 stretched, minus the B, G, R means.</summary>
    public static readonly ClassifierInputSpec SqueezeNetSpec = new(224, 224, "NCHW", "BGR", [104, 117, 123], [1, 1, 1]);

    private static readonly Lazy<byte[]> SqueezeNetBytes = new(() => File.ReadAllBytes(Path.Combine(ModelStore.DefaultModelsDirectory(), "image_classification", "squeezenet1.0_fp16.onnx")));

    private IReadOnlyList<string> ImageNetLabels => models.Store.Labels(ImageClassifier.DefaultModelId);

    [Theory]
    [InlineData("bear_coco285.jpg")]
    [InlineData("zebra_coco1818.jpg")]
    [InlineData("bus.jpg")]
    public void A_registered_copy_of_SqueezeNet_ranks_like_the_built_in_one(string image)
    {
        using var copy = CustomImageClassifier.Load(models.Store, "squeezenet-copy", "v1", SqueezeNetBytes.Value, ImageNetLabels, SqueezeNetSpec);
        var pixels = TestImages.Load(image);

        var custom = copy.Classify(pixels, 5);
        var builtIn = models.Classifier.Classify(pixels, 5);

        Assert.Equal(builtIn.Select(c => (c.Label, c.ClassId)), custom.Select(c => (c.Label, c.ClassId)));
        Assert.Equal(builtIn[0].Score, custom[0].Score, 0.002f);
        Assert.Equal(("squeezenet-copy", "v1"), (copy.ModelId, copy.ModelVersion));
    }

    [Fact]
    public void Bytes_that_are_no_ONNX_graph_are_refused_as_not_loadable()
    {
        var garbage = new byte[4096];
        new Random(13).NextBytes(garbage);

        var refused = Assert.Throws<ModelValidationException>(() =>
            CustomImageClassifier.Load(models.Store, "broken", "v1", garbage, ImageNetLabels, SqueezeNetSpec));

        Assert.Contains("not a loadable ONNX model", refused.Message);
    }

    [Fact]
    public void A_truncated_copy_of_SqueezeNet_is_refused()
    {
        var truncated = SqueezeNetBytes.Value[..(SqueezeNetBytes.Value.Length / 2)];

        var refused = Assert.Throws<ModelValidationException>(() =>
            CustomImageClassifier.Load(models.Store, "truncated", "v1", truncated, ImageNetLabels, SqueezeNetSpec));

        Assert.Contains("not a loadable ONNX model", refused.Message);
    }

    [Fact]
    public void A_label_count_that_differs_from_the_output_size_is_refused_naming_both()
    {
        var refused = Assert.Throws<ModelValidationException>(() =>
            CustomImageClassifier.Load(models.Store, "short-labels", "v1", SqueezeNetBytes.Value, ImageNetLabels.Take(999).ToArray(), SqueezeNetSpec));

        Assert.Contains("outputs 1000 scores", refused.Message);
        Assert.Contains("999 labels", refused.Message);
    }

    [Fact]
    public void An_input_that_is_not_rank_4_is_refused_naming_its_rank()
    {
        var refused = Assert.Throws<ModelValidationException>(() =>
            CustomImageClassifier.Load(models.Store, "flat", "v1", TinyOnnx.Identity(1, 10), Labels(10), SqueezeNetSpec));

        Assert.Contains("rank 2", refused.Message);
    }

    [Fact]
    public void A_spec_whose_size_disagrees_with_a_fixed_input_is_refused()
    {
        var refused = Assert.Throws<ModelValidationException>(() =>
            CustomImageClassifier.Load(models.Store, "resized", "v1", SqueezeNetBytes.Value, ImageNetLabels, SqueezeNetSpec with { Width = 200, Height = 200 }));

        Assert.Contains("[1,3,224,224]", refused.Message);
    }

    [Fact]
    public void NHWC_RGB_inputs_are_interleaved_and_normalised_as_the_spec_says()
    {
        // An identity "classifier" over a 2x1 NHWC image: its scores are the tensor it was fed.
        var spec = new ClassifierInputSpec(2, 1, "NHWC", "RGB", [10, 20, 30], [2, 4, 5], Scale: 1);
        using var identity = CustomImageClassifier.Load(models.Store, "identity", "v1", TinyOnnx.Identity(1, 1, 2, 3), Labels(6), spec);
        var pixels = new Imaging.PixelBuffer([100, 120, 130, 50, 60, 70], 2, 1, 3);

        var scores = identity.Classify(pixels, 6).OrderBy(c => c.ClassId).Select(c => c.Score);

        Assert.Equal([45f, 25f, 20f, 20f, 10f, 8f], scores);
    }

    [Fact]
    public void A_spec_with_an_unknown_layout_or_missing_normalisation_is_refused()
    {
        Assert.Contains("layout", Assert.Throws<ModelValidationException>(() =>
            ClassifierInputSpec.Parse("""{"width":224,"height":224,"layout":"CHWN","colour":"RGB","mean":[0,0,0],"std":[1,1,1]}""")).Message);
        Assert.Contains("mean and std", Assert.Throws<ModelValidationException>(() =>
            ClassifierInputSpec.Parse("""{"width":224,"height":224,"layout":"NCHW","colour":"RGB","mean":[0],"std":[1,1,1]}""")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<ModelValidationException>(() => ClassifierInputSpec.Parse("{width:")).Message);
        Assert.Equal("BGR", ClassifierInputSpec.Parse("""{"width":8,"height":8,"layout":"nchw","colour":"bgr","mean":[0,0,0],"std":[1,1,1]}""").Colour);
    }

    private static string[] Labels(int count) => [.. Enumerable.Range(0, count).Select(i => $"class {i}")];
}
