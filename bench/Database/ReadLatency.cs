using System.Diagnostics;

namespace VisionAspire.Bench.Database;

/// <summary>p50 and p95 of a read repeated after a few unmeasured warm-up runs.</summary>
public static class ReadLatency
{
    public static async Task<(double P50, double P95)> MeasureAsync(Func<Task> read, int runs, int warmups)
    {
        for (var i = 0; i < Math.Min(warmups, runs); i++)
        {
            await read();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)]);
    }
}
