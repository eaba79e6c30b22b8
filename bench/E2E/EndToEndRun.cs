using System.Collections.Concurrent;

namespace VisionAspire.E2E;

public sealed record EndToEndResult(int Completed, int Failed, double ImagesPerSecond, double P50Ms, double P95Ms);

/// <summary>
/// Saturation: <c>concurrency</c> clients upload the workload as fast as the Api accepts it while
/// <see cref="CompletionTracker"/> follows the images. Latency = upload start (client clock) → the image's final
/// state (server clock, same machine). Throughput = images / (first upload start → last final state).
/// </summary>
public static class EndToEndRun
{
    /// <param name="tasks">The uploads' tasks= (comma-separated); null uploads without, so each image runs its kind's defaults.</param>
    public static async Task<EndToEndResult> RunAsync(
        HttpClient api, IReadOnlyList<(string Name, byte[] Data)> workload, int concurrency, string? tasks = null)
    {
        var uploadPath = tasks is null ? "/api/v1/images" : $"/api/v1/images?tasks={Uri.EscapeDataString(tasks)}";
        var uploaded = new ConcurrentQueue<(Guid Id, DateTimeOffset Started)>();
        var next = -1;
        var start = DateTimeOffset.UtcNow;

        async Task UploaderAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Count)
            {
                var started = DateTimeOffset.UtcNow;
                uploaded.Enqueue((await Uploads.UploadAsync(api, workload[i], uploadPath), started));
            }
        }

        var uploaders = Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(UploaderAsync)));
        var finished = await CompletionTracker.TrackAsync(api, uploaded, workload.Count);
        await uploaders;

        var latencies = finished.Where(f => f.Completed).Select(f => f.LatencyMs).Order().ToList();
        var wall = (finished.Max(f => f.Done) - start).TotalSeconds;
        return new EndToEndResult(latencies.Count, finished.Count - latencies.Count, workload.Count / wall,
            CompletionTracker.Percentile(latencies, 0.50), CompletionTracker.Percentile(latencies, 0.95));
    }
}
