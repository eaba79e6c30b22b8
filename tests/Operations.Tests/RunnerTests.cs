namespace VisionAspire.Operations.Tests;

/// <summary>The processing timeout answers at once and the slot comes back when the abandoned work ends.</summary>
public sealed class RunnerTests
{
    [Fact]
    public async Task A_run_past_the_timeout_throws_and_the_runner_stays_usable()
    {
        var limits = new OperationLimits { TimeoutSeconds = 0.2, MaxConcurrentOperations = 1, MaxInputPixels = 50_000_000 };
        var runner = new ProcessingRunner(limits);
        var processor = new ImageProcessor(limits);
        var data = TestImages.Bytes("zidane.jpg");
        var heavy = ProcessingPlan.Parse(
            [.. Enumerable.Range(0, 10).Select(_ => new Contracts.OperationSpecV1("filter",
                new Dictionary<string, System.Text.Json.JsonElement> { ["type"] = Json("\"median\""), ["size"] = Json("15") }))], limits);
        var light = ProcessingPlan.Parse([new Contracts.OperationSpecV1("resize",
            new Dictionary<string, System.Text.Json.JsonElement> { ["width"] = Json("64") })], limits);

        var timeout = await Assert.ThrowsAsync<ProcessingTimeoutException>(() => runner.RunAsync(() => processor.Process(data, heavy), CancellationToken.None));
        Assert.Equal(limits.Timeout, timeout.Timeout);

        var after = await RunWhenFreeAsync(runner, () => processor.Process(data, light));
        Assert.Equal(64, after.Width);
    }

    [Fact]
    public async Task Work_errors_reach_the_caller_typed()
    {
        var runner = new ProcessingRunner(new OperationLimits());

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync<int>(() => throw new InvalidOperationException("boom"), CancellationToken.None));
    }

    /// <summary>The heavy run keeps its slot until libvips finishes it; retry until the slot is free again.</summary>
    private static async Task<ProcessedImage> RunWhenFreeAsync(ProcessingRunner runner, Func<ProcessedImage> work)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await runner.RunAsync(work, CancellationToken.None);
            }
            catch (ProcessingTimeoutException) when (attempt < 300)
            {
            }
        }
    }

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
}
