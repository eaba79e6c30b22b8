namespace VisionAspire.Models.Tests;

/// <summary>Provider choice on this machine's build (the CPU package, Microsoft.ML.OnnxRuntime).</summary>
public sealed class ExecutionProviderTests
{
    [Fact]
    public void A_cuda_request_on_the_cpu_build_runs_on_the_cpu_and_logs_the_reason_and_fix_once()
    {
        var messages = new List<string>();
        var store = Store(ExecutionProvider.Cuda, messages);
        Assert.Equal(ExecutionProvider.Cuda, store.Provider);

        using var embedder = new FaceEmbedder(store);
        using var detector = new UltraFaceDetector(store);

        var message = Assert.Single(messages);
        Assert.Contains("using CPU", message);
        Assert.Contains(nameof(EntryPointNotFoundException), message);
        Assert.Contains("-p:InferenceFlavor=Gpu", message);
        Assert.Equal(ExecutionProvider.Cpu, store.Provider);
        var image = TestImages.Load("face_single_woman_laptop.jpg");
        Assert.Single(detector.Detect(image));
        Assert.Equal(128, embedder.Embed(image, detector.Detect(image)[0]).Length);
    }

    [Fact]
    public void Auto_on_the_cpu_build_chooses_the_cpu_without_trying_cuda()
    {
        var messages = new List<string>();
        var store = Store(ExecutionProvider.Auto, messages);

        using var embedder = new FaceEmbedder(store);

        Assert.Equal(ExecutionProvider.Cpu, store.Provider);
        var message = Assert.Single(messages);
        Assert.Contains("CPU build", message);
        Assert.DoesNotContain(nameof(EntryPointNotFoundException), message);
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
