using System.Diagnostics;

namespace VisionAspire.Cli.Bench;

internal static class Stopwatches
{
    /// <summary>Calls <paramref name="work"/> until <paramref name="seconds"/> have passed (at least <paramref name="minCalls"/> times); returns ms per call.</summary>
    public static double MillisecondsPerCall(Action work, double seconds, int minCalls = 5)
    {
        var calls = 0;
        var watch = Stopwatch.StartNew();
        while (calls < minCalls || watch.Elapsed.TotalSeconds < seconds)
        {
            work();
            calls++;
        }
        return watch.Elapsed.TotalMilliseconds / calls;
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="threads"/> threads at once for <paramref name="seconds"/>; returns calls per second in total.</summary>
    public static double CallsPerSecond(Action work, int threads, double seconds)
    {
        using var start = new Barrier(threads + 1);
        var counts = new int[threads];
        var deadline = 0L;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
            {
                work();
                counts[t]++;
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }
        var began = Stopwatch.GetTimestamp();
        Volatile.Write(ref deadline, began + (long)(seconds * Stopwatch.Frequency));
        start.SignalAndWait();
        foreach (var worker in workers)
        {
            worker.Join();
        }
        return counts.Sum() / Stopwatch.GetElapsedTime(began).TotalSeconds;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
