namespace VisionAspire.Data;

/// <summary>What <see cref="StatsRepository"/> reads: the pre-aggregated statistics at <paramref name="At"/> (the database's clock).</summary>
public sealed record OperationsStats(
    DateTimeOffset At,
    IReadOnlyList<ImageCount> Images,
    IReadOnlyList<OutcomeWindow> Windows,
    IReadOnlyList<ModelRunStats> ModelRuns);

/// <summary>Images in a status and of a kind ('unknown' before preprocessing).</summary>
public sealed record ImageCount(string Status, string Kind, long Images);

/// <summary>
/// Images completed and failed from <see cref="Seconds"/> ago until now (the window of <see cref="Minutes"/> minutes,
/// its start rounded down to a 10-second slot), and the end-to-end latency of the completed ones (whole minutes:
/// the histogram covers <see cref="Minutes"/> to <see cref="Minutes"/> + 1 minutes).
/// </summary>
public sealed record OutcomeWindow(int Minutes, double Seconds, long Completed, long Failed, DurationHistogram Latency);

/// <summary>Runs of one model version for one task in the last <see cref="StatsRepository.ModelWindowMinutes"/> minutes.</summary>
public sealed record ModelRunStats(string Task, string Model, string ModelVersion, DurationHistogram Durations, double TotalMs)
{
    public double MeanMs => Durations.Count == 0 ? 0 : TotalMs / Durations.Count;
}
