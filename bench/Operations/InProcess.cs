using VisionAspire.Contracts;
using VisionAspire.Imaging;

namespace VisionAspire.Operations.Bench;

/// <summary>The Api's engine without HTTP: the same plan, processor and runner (decode with shrink-on-load, encode q80).</summary>
internal static class InProcess
{
    /// <summary>CPU per operation is this whole process's (the client side is idle meanwhile).</summary>
    public static Task<Measurement> MeasureAsync(byte[] source, int concurrency, int total)
    {
        var limits = new OperationLimits { MaxConcurrentOperations = concurrency };
        var processor = new ImageProcessor(limits);
        var runner = new ProcessingRunner(limits);
        var plan = ProcessingPlan.Parse(Plan(), limits);
        return Throughput.MeasureAsync(concurrency, total, async () =>
        {
            var result = await runner.RunAsync(() => processor.Process(source, plan), CancellationToken.None);
            if (result.Width != 720 || result.Format != ImageFormat.Jpeg)
            {
                throw new InvalidOperationException($"Unexpected result {result.Width}x{result.Height} {result.Format}.");
            }
        }, new ProcessCpu(() => [Environment.ProcessId]));
    }

    private static IReadOnlyList<OperationSpecV1> Plan() =>
    [
        new("resize", new Dictionary<string, System.Text.Json.JsonElement> { ["width"] = System.Text.Json.JsonDocument.Parse("720").RootElement }),
        new("convert", new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["format"] = System.Text.Json.JsonDocument.Parse("\"jpeg\"").RootElement,
            ["quality"] = System.Text.Json.JsonDocument.Parse("80").RootElement,
        }),
    ];
}
