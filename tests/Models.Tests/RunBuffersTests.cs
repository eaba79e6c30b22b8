namespace VisionAspire.Models.Tests;

public sealed class RunBuffersTests
{
    private static readonly ModelStore Store = ModelStore.CreateDefault();

    [Fact]
    public void Outputs_written_in_place_match_the_allocating_run()
    {
        using var session = Store.Open("ultraface-rfb-320");
        var buffers = RunBuffers.ForFixedShapes(session, "boxes", "scores");
        var random = InferenceSessionTests.RandomTensor(1, 3, 240, 320);
        random.Data.CopyTo(buffers.Input.As<float>().Data, 0);

        buffers.Run();
        var expected = session.Run([new NamedTensor("input", random)], ["boxes", "scores"]);

        Assert.Equal([1L, 4420L, 4L], buffers.Output(0).Shape);
        Assert.Equal(expected[0].As<float>().Data, buffers.Output(0).As<float>().Data);
        Assert.Equal(expected[1].As<float>().Data, buffers.Output(1).As<float>().Data);
    }

    [Fact]
    public void Element_types_follow_the_model()
    {
        using var session = Store.Open("squeezenet1.0-fp16");

        var buffers = RunBuffers.ForFixedShapes(session, "softmaxout_1");

        Assert.IsType<Tensor<Half>>(buffers.Input);
        Assert.IsType<Tensor<Half>>(buffers.Output(0));
        Assert.Equal([1L, 1000L, 1L, 1L], buffers.Output(0).Shape);
    }

    [Fact]
    public void Fixed_shape_buffers_refuse_a_dynamic_model_and_unknown_outputs()
    {
        using var dynamic = Store.Open("yunet-s-dynamic");
        using var fixedModel = Store.Open("mobilefacenet");

        var error = Assert.Throws<InvalidOperationException>(() => RunBuffers.ForFixedShapes(dynamic, "cls_8"));
        Assert.Contains("dynamic shape", error.Message);
        Assert.Throws<ArgumentException>(() => RunBuffers.ForFixedShapes(fixedModel, "logits"));
    }
}
