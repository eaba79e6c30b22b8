namespace VisionAspire.Models.Tests;

/// <summary>
/// Provider choice where CUDA cannot be used (this project's machines have no GPU), with whichever ONNX Runtime build
/// the tests were compiled against: the CPU package (default) or the GPU package (-p:InferenceFlavor=Gpu). The two
/// fail differently, and the logged fix says what to do about each.
/// </summary>
public sealed class ExecutionProviderTests
{
    private static readonly (string Exception, string Fix) ExpectedFailure = SessionFactory.BuildHasCuda
        ? ("OnnxRuntimeException", "install the CUDA 13 and cuDNN 9 runtime libraries")
        : (nameof(EntryPointNotFoundException), "-p:InferenceFlavor=Gpu");

    [Fact]
    public void A_cuda_request_that_cannot_be_met_runs_on_the_cpu_and_logs_the_reason_and_fix_once()
    {
        var messages = new List<string>();
        var store = Store(ExecutionProvider.Cuda, messages);
        Assert.Equal(ExecutionProvider.Cuda, store.Provider);

        using var embedder = new FaceEmbedder(store);
        using var detector = new UltraFaceDetector(store);

        var message = Assert.Single(messages);
        Assert.Contains("using CPU", message);
        Assert.Contains(ExpectedFailure.Exception, message);
        Assert.Contains(ExpectedFailure.Fix, message);
        Assert.Contains("Vision:Inference:Provider=cpu", message);
        Assert.Equal(ExecutionProvider.Cpu, store.Provider);
        var image = TestImages.Load("face_single_woman_laptop.jpg");
        var face = Assert.Single(detector.Detect(image));
        Assert.Equal(128, embedder.Embed(image, face).Length);
    }

    [Fact]
    public void Auto_ends_on_the_cpu_with_one_message_and_tries_cuda_only_on_the_gpu_build()
    {
        var messages = new List<string>();
        var store = Store(ExecutionProvider.Auto, messages);

        using var embedder = new FaceEmbedder(store);
        using var classifier = new ImageClassifier(store);

        Assert.Equal(ExecutionProvider.Cpu, store.Provider);
        var message = Assert.Single(messages);
        if (SessionFactory.BuildHasCuda)
        {
            Assert.Contains(ExpectedFailure.Fix, message);
        }
        else
        {
            Assert.Contains("CPU build", message);
            Assert.DoesNotContain(ExpectedFailure.Exception, message);
        }
    }

    [Fact]
    public void A_cpu_request_logs_nothing()
    {
        var messages = new List<string>();
        var store = Store(ExecutionProvider.Cpu, messages);

        using var embedder = new FaceEmbedder(store);

        Assert.Equal(ExecutionProvider.Cpu, store.Provider);
        Assert.Empty(messages);
    }

    private static ModelStore Store(ExecutionProvider provider, List<string> messages) =>
        new(ModelCatalog.LoadDefault(), ModelStore.DefaultModelsDirectory(), new InferenceOptions { Provider = provider, Log = messages.Add });
}
