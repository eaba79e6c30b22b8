using System.Collections.Concurrent;
using System.Diagnostics;

namespace VisionAspire.E2E;

public sealed record OpenLoopResult(
    double OfferedPerSecond, int Offered, IReadOnlyList<DateTimeOffset> Rejected, IReadOnlyList<FinishedImage> Finished, DateTimeOffset Start)
{
    public IReadOnlyList<double> SortedLatencies(DateTimeOffset from, DateTimeOffset to) =>
        Finished.Where(f => f.Completed && f.Started >= from && f.Started < to).Select(f => f.LatencyMs).Order().ToList();
}

/// <summary>
/// A fixed offered load, open loop: upload i is sent at start + i / rate whether or not earlier ones were answered,
/// as independent users would send them. Latency counts from the scheduled send time, so a stalled Api cannot hide
/// its queueing by slowing the client down (coordinated omission). Uploads the Api refuses count as rejected
/// (by their send time).
/// </summary>
public static class OpenLoopRun
{
    public static async Task<OpenLoopResult> RunAsync(
        HttpClient api, IReadOnlyList<(string Name, byte[] Data)> workload, double perSecond, Func<Task>? during = null)
    {
        var uploaded = new ConcurrentQueue<(Guid Id, DateTimeOffset Started)>();
        var rejected = new ConcurrentBag<DateTimeOffset>();
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(workload.Count);
        var background = during?.Invoke() ?? Task.CompletedTask;
        for (var i = 0; i < workload.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var file = workload[i];
            var scheduled = start + due;
            sends.Add(Task.Run(async () =>
            {
                try
                {
                    uploaded.Enqueue((await Uploads.UploadAsync(api, file), scheduled));
                }
                catch (HttpRequestException)
                {
                    rejected.Add(scheduled);
                }
            }));
        }

        await Task.WhenAll(sends);
        await background;
        var finished = await CompletionTracker.TrackAsync(api, uploaded, uploaded.Count);
        return new OpenLoopResult(perSecond, workload.Count, [.. rejected], finished, start);
    }
}
