using VisionAspire.Imaging;

namespace VisionAspire.Operations.Tests;

/// <summary>The processing timeout answers at once, kills the libvips work, and the slot comes back when that work ends.</summary>
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

        var heavyEnded = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timeout = await Assert.ThrowsAsync<ProcessingTimeoutException>(() => runner.RunAsync(token =>
        {
            try
            {
                return processor.Process(data, heavy, token);
            }
            catch (Exception e)
            {
                heavyEnded.SetResult(e);
                throw;
            }
        }, CancellationToken.None));
        Assert.Equal(limits.Timeout, timeout.Timeout);

        // The timeout killed libvips: the abandoned work itself ends, typed, rather than running its medians to the end.
        var heavyError = await heavyEnded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.IsType<ImageProcessingCancelledException>(heavyError);

        var after = await RunWhenFreeAsync(runner, () => processor.Process(data, light));
        Assert.Equal(64, after.Width);
    }

    [Fact]
    public async Task Work_errors_reach_the_caller_typed()
    {
        var runner = new ProcessingRunner(new OperationLimits());

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync<int>(() => throw new InvalidOperationException("boom"), CancellationToken.None));
    }

    /// <summary>The killed run frees its slot just after it throws, and a loaded machine can be slow: retry until the light run fits.</summary>
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
