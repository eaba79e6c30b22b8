namespace VisionAspire.Models.Tests;

public sealed class RunBuffersTests
{
    private static readonly ModelStore Store = ModelStore.CreateDefault();

    [Fact]
    public void Outputs_written_in_place_match_a_run_whose_outputs_onnx_runtime_allocates()
    {
        using var session = Store.Open("ultraface-rfb-320");
        using var buffers = RunBuffers.ForFixedShapes(session, "boxes", "scores");
        var random = new Random(42);
        var input = buffers.Input<float>();
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = random.NextSingle() * 2 - 1;
        }

        buffers.Run();
        using var copy = OrtValue.CreateTensorValueFromMemory(input.ToArray(), [1, 3, 240, 320]);
        using var options = new RunOptions();
        using var expected = session.Run(options, ["input"], [copy], ["boxes", "scores"]);

        Assert.Equal(4420 * 4, buffers.Output<float>(0).Length);
        Assert.Equal(expected[0].GetTensorDataAsSpan<float>().ToArray(), buffers.Output<float>(0).ToArray());
        Assert.Equal(expected[1].GetTensorDataAsSpan<float>().ToArray(), buffers.Output<float>(1).ToArray());
    }

    [Fact]
    public void Element_types_follow_the_model_and_float16_reads_as_half()
    {
        using var session = Store.Open("squeezenet1.0-fp16");

        using var buffers = RunBuffers.ForFixedShapes(session, "softmaxout_1");

        Assert.Equal(TensorElementType.Float16, buffers.InputType);
        Assert.Equal(3 * 224 * 224, buffers.Input<Half>().Length);
        Assert.Equal(1000, buffers.Output<Half>(0).Length);
        Assert.Throws<InvalidCastException>(() => buffers.Input<float>().Length);
    }

    [Fact]
    public void Fixed_shape_buffers_refuse_a_dynamic_model_and_unknown_outputs()
    {
        using var dynamic = Store.Open("yunet-s-dynamic");
        using var fixedModel = Store.Open("mobilefacenet");

        var error = Assert.Throws<InvalidOperationException>(() => RunBuffers.ForFixedShapes(dynamic, "cls_8"));
        Assert.Contains("dynamic shape", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() => RunBuffers.ForFixedShapes(fixedModel, "logits"));
        Assert.Contains("output0", unknown.Message);
    }
}
