using System.Diagnostics;
using System.Globalization;

namespace VisionAspire.E2E;

/// <summary>
/// Uploads with <c>tasks=</c> against uploads without (each image runs its kind's defaults) on the same topology, in
/// alternating rounds of the same workload size so a drift in machine speed falls on both; medians per variant.
/// CPU ms per image counts the topology's processes and the bench (not other users of the machine).
/// </summary>
public static class TaskComparisonRun
{
    public static async Task RunAsync(HttpClient api, BenchOptions options, string tasks)
    {
        (string Name, string? Tasks)[] variants = [("default tasks", null), ($"tasks={tasks}", tasks)];
        var results = variants.ToDictionary(v => v.Name, _ => new List<(double ImagesPerSecond, double CpuMs)>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var (name, chosen) in variants)
            {
                var workload = Workload.Build(options.ImagesDirectory, options.Count);
                var cpu = CpuCensus.Start();
                var clock = Stopwatch.StartNew();
                var e2e = await EndToEndRun.RunAsync(api, workload, options.Concurrency, chosen);
                var report = cpu.Report(workload.Count, clock.Elapsed);
                Console.WriteLine(FormattableString.Invariant(
                    $"round {round}, {name}: {e2e.Completed} completed, {e2e.Failed} failed, {e2e.ImagesPerSecond:F2} images/s, p50 {e2e.P50Ms:F0} ms, p95 {e2e.P95Ms:F0} ms"));
                Console.WriteLine($"  {report}");
                results[name].Add((e2e.ImagesPerSecond, report.TreeMsPerImage));
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var (baseRate, baseCpu) = (Median(results[variants[0].Name].Select(r => r.ImagesPerSecond)), Median(results[variants[0].Name].Select(r => r.CpuMs)));
        Console.WriteLine();
        Console.WriteLine($"| uploads | images/s (median of {options.Rounds}) | CPU ms/image, topology (median) | images/s vs default | CPU/image vs default |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, _) in variants)
        {
            var (rate, cpu) = (Median(results[name].Select(r => r.ImagesPerSecond)), Median(results[name].Select(r => r.CpuMs)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rate:F2} | {cpu:F1} | {rate / baseRate:F2} | {cpu / baseCpu:F2} |"));
        }
    }
}
