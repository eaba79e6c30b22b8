using System.Diagnostics;

namespace VisionAspire.Operations.Bench;

internal static class Throughput
{
    /// <summary>Runs <paramref name="total"/> operations on <paramref name="concurrency"/> loops after one warm-up each; returns ops/s.</summary>
    public static async Task<double> MeasureAsync(int concurrency, int total, Func<Task> operation)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(operation)));
        var remaining = total;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await operation();
            }
        })));
        return total / watch.Elapsed.TotalSeconds;
    }
}
