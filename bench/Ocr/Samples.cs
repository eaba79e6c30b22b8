using System.Diagnostics;

namespace VisionAspire.Bench.Ocr;

/// <summary>Wall and CPU milliseconds of repeated calls.</summary>
internal sealed class Samples
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public double WallMedian => Median(_wall);
    public double CpuMedian => Median(_cpu);

    public void Measure(Action call, Func<TimeSpan> cpuClock)
    {
        var cpuBefore = cpuClock();
        var watch = Stopwatch.StartNew();
        call();
        _wall.Add(watch.Elapsed.TotalMilliseconds);
        _cpu.Add((cpuClock() - cpuBefore).TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
