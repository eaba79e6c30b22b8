namespace VisionAspire.Models.Tests;

/// <summary>
/// Steady-state pipeline calls reuse pooled tensors: after a warm-up call, a call on the same thread allocates only
/// small objects (results, candidate lists, resize taps), far less than one input tensor. Counts this thread's
/// managed allocations, so neither timing nor other threads' work can sway it (ORT's own memory is native).
/// </summary>
[Collection(PipelinesCollection.Name)]
public sealed class AllocationTests(PipelinesFixture models)
{
    public static TheoryData<string> Pipelines => ["ultraface", "yunet", "objects", "classifier", "embedder"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void A_steady_state_call_allocates_far_less_than_its_input_tensor(string pipeline)
    {
        var image = TestImages.Load("faces_family_five.jpg");
        var face = models.YuNet.Detect(image)[0];
        var (session, call) = Pipeline(pipeline, image, face);
        var inputBytes = InputBytes(session);

        call();
        call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        call();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < inputBytes / 8, $"{pipeline} allocated {allocated} bytes in a steady-state call; its input tensor is {inputBytes} bytes");
    }

    private (InferenceSession Session, Action Call) Pipeline(string name, Imaging.PixelBuffer image, FaceDetection face) => name switch
    {
        "ultraface" => (models.UltraFace.Session, () => models.UltraFace.Detect(image)),
        "yunet" => (models.YuNet.Session, () => models.YuNet.Detect(image)),
        "objects" => (models.Objects.Session, () => models.Objects.Detect(image)),
        "classifier" => (models.Classifier.Session, () => models.Classifier.Classify(image)),
        "embedder" => (models.Embedder.Session, () => models.Embedder.Embed(image, face)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static long InputBytes(InferenceSession session)
    {
        var input = session.InputMetadata[session.InputNames[0]];
        var elementBytes = input.ElementDataType == TensorElementType.Float16 ? 2 : 4;
        return input.Dimensions.Aggregate((long)elementBytes, (bytes, dim) => bytes * dim);
    }
}
