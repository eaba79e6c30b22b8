namespace VisionAspire.Models.Tests;

public sealed class InferenceSessionTests
{
    private static readonly ModelStore Store = ModelStore.CreateDefault();

    [Fact]
    public void Cuda_request_falls_back_to_cpu_and_logs_why()
    {
        var messages = new List<string>();
        var store = new ModelStore(ModelCatalog.LoadDefault(), ModelStore.DefaultModelsDirectory(),
            new InferenceOptions { Provider = ExecutionProvider.Cuda, Log = messages.Add });

        using var session = store.Open("mobilefacenet");

        // This machine's ONNX Runtime is the CPU build: appending CUDA fails cleanly and the session runs on CPU.
        Assert.Equal(ExecutionProvider.Cpu, session.Provider);
        Assert.Contains("CUDA", session.ProviderFallbackReason);
        var message = Assert.Single(messages);
        Assert.Contains("using CPU", message);
        var output = session.Run(new NamedTensor("input0", new Tensor<float>(1, 3, 112, 112)));
        Assert.Equal([1L, 128L], output[0].Shape);
    }

    [Fact]
    public void Cpu_sessions_report_no_fallback()
    {
        using var session = Store.Open("mobilefacenet");

        Assert.Equal(ExecutionProvider.Cpu, session.Provider);
        Assert.Null(session.ProviderFallbackReason);
    }

    [Fact]
    public void Reads_names_types_and_shapes_from_the_model()
    {
        using var session = Store.Open("yunet-s-dynamic");

        var input = Assert.Single(session.Inputs);
        Assert.Equal("input", input.Name);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal([-1L, 3L, -1L, -1L], input.Shape);
        Assert.Equal(12, session.Outputs.Count);
        Assert.Contains(session.Outputs, o => o.Name == "kps_32" && o.Shape[2] == 10);
    }

    [Fact]
    public void Preallocated_outputs_match_runtime_allocated_outputs()
    {
        using var session = Store.Open("mobilefacenet");
        var input = RandomTensor(1, 3, 112, 112);

        var allocated = session.Run(new NamedTensor("input0", input))[0].As<float>();
        var preallocated = new Tensor<float>(1, 128);
        session.Run([new NamedTensor("input0", input)], [new NamedTensor("output0", preallocated)]);

        Assert.Equal(allocated.Data, preallocated.Data);
    }

    [Fact]
    public void Selected_outputs_come_back_in_the_order_asked()
    {
        using var session = Store.Open("ultraface-rfb-320");
        var input = RandomTensor(1, 3, 240, 320);

        var outputs = session.Run([new NamedTensor("input", input)], ["boxes", "scores"]);

        Assert.Equal([1L, 4420L, 4L], outputs[0].Shape);
        Assert.Equal([1L, 4420L, 2L], outputs[1].Shape);
    }

    [Fact]
    public void Unknown_input_name_is_an_argument_error_listing_real_names()
    {
        using var session = Store.Open("mobilefacenet");

        var error = Assert.Throws<ArgumentException>(() => session.Run(new NamedTensor("pixels", new Tensor<float>(1, 3, 112, 112))));

        Assert.Contains("input0", error.Message);
    }

    [Fact]
    public void Runtime_errors_carry_the_ort_message()
    {
        using var session = Store.Open("mobilefacenet");

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(new NamedTensor("input0", new Tensor<float>(1, 3, 64, 64))));

        Assert.Contains("Run('mobilefacenet_foamliu.onnx')", error.Message);
        Assert.NotEqual(0, error.ErrorCode);
    }

    [Fact]
    public void Wrong_element_type_is_refused()
    {
        using var session = Store.Open("squeezenet1.0-fp16");

        Assert.Throws<OnnxRuntimeException>(() => session.Run(new NamedTensor("data_0", new Tensor<float>(1, 3, 224, 224))));
        var output = session.Run(new NamedTensor("data_0", new Tensor<Half>(1, 3, 224, 224)))[0];
        Assert.Equal(TensorElementType.Float16, output.ElementType);
        Assert.Throws<InvalidCastException>(() => output.As<float>());
    }

    [Fact]
    public void Tensor_shape_must_match_its_data()
    {
        Assert.Throws<ArgumentException>(() => new Tensor<float>(new float[10], 1, 3, 4));
    }

    [Fact]
    public void Missing_model_file_is_an_ort_error_naming_the_path()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open("/nonexistent/model.onnx"));

        Assert.Contains("/nonexistent/model.onnx", error.Message);
    }

    internal static Tensor<float> RandomTensor(params long[] shape)
    {
        var random = new Random(42);
        var tensor = new Tensor<float>(shape);
        for (var i = 0; i < tensor.Data.Length; i++)
        {
            tensor.Data[i] = random.NextSingle() * 2 - 1;
        }
        return tensor;
    }
}
