using System.Diagnostics;

namespace VisionAspire.Operations.Bench;

/// <param name="CpuMsPerOp">CPU time of the measured server's processes per operation, where they are known.</param>
internal readonly record struct Measurement(double OpsPerSecond, double? CpuMsPerOp);

internal static class Throughput
{
    /// <summary>
    /// Runs <paramref name="total"/> operations on <paramref name="concurrency"/> loops after one warm-up each; returns
    /// ops/s and, given <paramref name="cpu"/>, the CPU those processes used per operation (warm-ups excluded).
    /// </summary>
    public static async Task<Measurement> MeasureAsync(int concurrency, int total, Func<Task> operation, ProcessCpu? cpu = null)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(operation)));
        var remaining = total;
        var cpuBefore = cpu?.Used();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await operation();
            }
        })));
        var elapsed = watch.Elapsed;
        var cpuMs = cpu is null ? (double?)null : (cpu.Used() - cpuBefore!.Value).TotalMilliseconds / total;
        return new Measurement(total / elapsed.TotalSeconds, cpuMs);
    }
}
