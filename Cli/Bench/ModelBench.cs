using Microsoft.ML.OnnxRuntime.Tensors;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Cli.Bench;

/// <summary>
/// Per-model latency and throughput: a bare session run on pooled, zeroed buffers (every output fetched, written in
/// place, as the pipelines run), the full pipeline on 1 thread, and 2 concurrent callers on one session.
/// </summary>
internal static class ModelBench
{
    public sealed record Row(string Model, string Image, double RunMs, double PipelineMs, double OneThreadPerSecond, double TwoThreadsPerSecond);

    public static IEnumerable<Row> Run(ModelStore store, Func<string, PixelBuffer> load, double seconds)
    {
        var group = load("faces_group_children.jpg");
        using (var ultraFace = new UltraFaceDetector(store))
        {
            yield return Measure(ultraFace, "faces_group_children.jpg", () => ultraFace.Detect(group), seconds);
        }
        using (var ultraFace640 = new UltraFaceDetector(store, "ultraface-rfb-640"))
        {
            yield return Measure(ultraFace640, "faces_group_children.jpg", () => ultraFace640.Detect(group), seconds);
        }
        using var yuNet = new YuNetDetector(store);
        yield return Measure(yuNet, "faces_group_children.jpg", () => yuNet.Detect(group), seconds);

        var face = yuNet.Detect(group)[0];
        using (var embedder = new FaceEmbedder(store))
        {
            yield return Measure(embedder, "one face of faces_group_children.jpg", () => embedder.Embed(group, face), seconds);
        }
        var bus = load("bus.jpg");
        using (var objects = new ObjectDetector(store))
        {
            yield return Measure(objects, "bus.jpg", () => objects.Detect(bus), seconds);
        }
        var bear = load("bear_coco285.jpg");
        using (var classifier = new ImageClassifier(store))
        {
            yield return Measure(classifier, "bear_coco285.jpg", () => classifier.Classify(bear), seconds);
        }
    }

    private static Row Measure(ModelPipeline pipeline, string image, Action call, double seconds)
    {
        using var buffers = RunBuffers.ForFixedShapes(pipeline.Session, [.. pipeline.Session.OutputNames]);
        if (buffers.InputType == TensorElementType.Float16)
        {
            buffers.Input<Half>().Clear();
        }
        else
        {
            buffers.Input<float>().Clear();
        }

        for (var i = 0; i < 3; i++)
        {
            call();
            buffers.Run();
        }
        var runMs = Stopwatches.MillisecondsPerCall(buffers.Run, seconds);
        var pipelineMs = Stopwatches.MillisecondsPerCall(call, seconds);
        var one = Stopwatches.CallsPerSecond(call, 1, seconds);
        var two = Stopwatches.CallsPerSecond(call, 2, seconds);
        return new Row(pipeline.Model.Id, image, runMs, pipelineMs, one, two);
    }
}
