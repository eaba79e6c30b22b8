namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class ClassificationTests(PipelinesFixture models)
{
    [Theory]
    [InlineData("bear_coco285.jpg", "brown bear")]
    [InlineData("zebra_coco1818.jpg", "zebra")]
    [InlineData("green_apples_coco2149.jpg", "Granny Smith")]
    public void Top1_is_the_documented_class(string image, string label)
    {
        var classes = models.Classifier.Classify(TestImages.Load(image));

        Assert.Equal(5, classes.Count);
        Assert.StartsWith(label, classes[0].Label, StringComparison.Ordinal);
        Assert.True(classes[0].Score > 0.9f, $"top-1 score {classes[0].Score}");
        Assert.Equal(classes.OrderByDescending(c => c.Score).ToArray(), classes);
    }

    [Fact]
    public void Runs_the_float16_model_with_float16_tensors()
    {
        Assert.Equal(TensorElementType.Float16, models.Classifier.Session.InputMetadata["data_0"].ElementDataType);
        Assert.Equal(TensorElementType.Float16, models.Classifier.Session.OutputMetadata["softmaxout_1"].ElementDataType);
    }

    [Fact]
    public void TopK_returns_the_requested_count_with_probabilities_summing_below_one()
    {
        var classes = models.Classifier.Classify(TestImages.Load("bus.jpg"), topK: 10);

        Assert.Equal(10, classes.Count);
        Assert.InRange(classes.Sum(c => c.Score), 0.1f, 1.01f);
        Assert.Equal(10, classes.Select(c => c.ClassId).Distinct().Count());
    }
}
