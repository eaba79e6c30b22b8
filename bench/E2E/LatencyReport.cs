using System.Globalization;

namespace VisionAspire.E2E;

/// <summary>Latency percentiles of an open-loop run, and after a fault, how long the pipeline took to recover.</summary>
public static class LatencyReport
{
    private static readonly TimeSpan MinimumGoodLatency = TimeSpan.FromSeconds(1);

    public static string Describe(OpenLoopResult run)
    {
        var all = run.SortedLatencies(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var failed = run.Finished.Count(f => !f.Completed);
        var lastStart = run.Start + TimeSpan.FromSeconds(run.Offered / run.OfferedPerSecond);
        var done = run.Finished.Count == 0 ? lastStart : run.Finished.Max(f => f.Done);
        return $"open loop {F(run.OfferedPerSecond)} images/s for {F(run.Offered / run.OfferedPerSecond)} s: {all.Count} completed, " +
               $"{failed} failed, {run.Rejected.Count} rejected at upload; upload->completed p50 {Ms(all, 0.50)}, p95 {Ms(all, 0.95)}, " +
               $"p99 {Ms(all, 0.99)}, max {Ms(all, 1)} ms; last image final {F((done - lastStart).TotalSeconds)} s after the last send";
    }

    /// <summary>
    /// Recovered = from the first send after the fault from which every later send (to the end of the run) was
    /// accepted and completed within the pre-fault p99 (at least 1 s). Reported from the moment the fault began.
    /// </summary>
    public static string DescribeRecovery(OpenLoopResult run, DateTimeOffset faultAt)
    {
        var before = run.SortedLatencies(run.Start, faultAt);
        var good = TimeSpan.FromMilliseconds(Math.Max(CompletionTracker.Percentile(before, 0.99), MinimumGoodLatency.TotalMilliseconds));
        var bad = run.Finished.Where(f => !f.Completed || f.Done - f.Started > good).Select(f => f.Started)
            .Concat(run.Rejected)
            .Where(started => started >= faultAt)
            .DefaultIfEmpty(DateTimeOffset.MinValue)
            .Max();
        var interval = TimeSpan.FromSeconds(1 / run.OfferedPerSecond);
        var recovery = bad == DateTimeOffset.MinValue ? TimeSpan.Zero : bad + interval - faultAt;
        var after = run.SortedLatencies(faultAt, DateTimeOffset.MaxValue);
        var lastStart = run.Start + TimeSpan.FromSeconds(run.Offered / run.OfferedPerSecond);
        var verdict = bad + interval >= lastStart ? "not recovered before the last send" : $"recovered {F(recovery.TotalSeconds)} s after the fault";
        return $"{verdict} (good = accepted and completed within {good.TotalMilliseconds:F0} ms, the pre-fault p99 or 1 s); " +
               $"pre-fault p95 {Ms(before, 0.95)} ms; sends after the fault: p95 {Ms(after, 0.95)}, max {Ms(after, 1)} ms, " +
               $"{run.Rejected.Count(r => r >= faultAt)} rejected, {run.Finished.Count(f => !f.Completed && f.Started >= faultAt)} failed";
    }

    private static string Ms(IReadOnlyList<double> sorted, double p) => CompletionTracker.Percentile(sorted, p).ToString("F0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
