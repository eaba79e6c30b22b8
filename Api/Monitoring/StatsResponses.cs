using VisionAspire.Data;

namespace VisionAspire.Api.Monitoring;

/// <summary>Shapes the rollups read by <see cref="StatsRepository"/> into <see cref="StatsResponse"/>.</summary>
public static class StatsResponses
{
    public static StatsResponse From(OperationsStats stats, WorkersResponse? workers) => new(
        stats.At,
        Totals(stats.Images),
        [.. stats.Windows.Select(Window)],
        [.. stats.ModelRuns.GroupBy(r => r.Task).Select(Task)],
        [.. stats.ModelRuns.Select(r => new ModelTimingResponse(r.Model, r.ModelVersion, r.Task, r.Durations.Count, Round(r.MeanMs), Round(r.Durations.Percentile(0.95))))],
        workers);

    private static ImageTotalsResponse Totals(IReadOnlyList<ImageCount> counts) => new(
        counts.Sum(c => c.Images),
        counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Images)),
        counts.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Images)),
        [.. counts.Select(c => new StatusKindCountResponse(c.Status, c.Kind, c.Images))]);

    private static WindowResponse Window(OutcomeWindow window)
    {
        var finished = window.Completed + window.Failed;
        return new WindowResponse(
            window.Minutes,
            Math.Round(window.Seconds, 1),
            window.Completed,
            window.Failed,
            window.Seconds > 0 ? Math.Round(window.Completed / window.Seconds, 6) : 0,
            finished == 0 ? null : Math.Round((double)window.Completed / finished, 4),
            new LatencyResponse(
                window.Latency.Count,
                Round(window.Latency.Percentile(0.50)),
                Round(window.Latency.Percentile(0.95)),
                Round(window.Latency.Percentile(0.99))));
    }

    private static TaskTimingResponse Task(IGrouping<string, ModelRunStats> runs)
    {
        var durations = new DurationHistogram();
        foreach (var run in runs)
        {
            durations.Add(run.Durations);
        }

        var mean = durations.Count == 0 ? 0 : runs.Sum(r => r.TotalMs) / durations.Count;
        return new TaskTimingResponse(runs.Key, durations.Count, Round(mean), Round(durations.Percentile(0.95)));
    }

    private static double Round(double value) => Math.Round(value, 1);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
