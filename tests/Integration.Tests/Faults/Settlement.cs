using System.Diagnostics;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>Where every image of a load ended once none is left on its way, and how long that took.</summary>
public sealed record Settlement(IReadOnlyList<ImageRow> Rows, TimeSpan Took, long DuplicatePredictions)
{
    public static readonly string[] Terminal = ["completed", "failed"];

    /// <summary>
    /// The bound on settling after a fault is over: the sweeper's grace and tick, a restarted consumer's back-off, and
    /// 100 images through the models on a shared 2-core machine.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    public int Completed => Rows.Count(r => r.Status == "completed");

    public IReadOnlyList<ImageRow> Failed => [.. Rows.Where(r => r.Status == "failed")];

    /// <summary>
    /// Waits until every row of the load's bytes is completed or failed, then counts duplicate predictions among them;
    /// fails the test with the statuses still open after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<Settlement> WaitAsync(ImageLedger ledger, IReadOnlyCollection<string> sha256s, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await ledger.RowsAsync(sha256s);
            var open = rows.Where(r => !Terminal.Contains(r.Status)).ToList();
            if (open.Count == 0)
            {
                return new Settlement(rows, clock.Elapsed, await ledger.DuplicatePredictionsAsync([.. rows.Select(r => r.Id)]));
            }

            Assert.True(clock.Elapsed < timeout,
                $"{open.Count} of {rows.Count} images still on their way after {timeout}: "
                + string.Join(", ", open.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()}")));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Every accepted upload has its row, completed or failed with a reason; no row of the load is left behind; no
    /// result was written twice.
    /// </summary>
    public void AssertEveryAcceptedImageSettled(IReadOnlyList<UploadAttempt> attempts)
    {
        var byId = Rows.ToDictionary(r => r.Id);
        foreach (var accepted in attempts.Where(a => a.Accepted))
        {
            Assert.True(byId.TryGetValue(accepted.ImageId!.Value, out var row), $"accepted image {accepted.ImageId} has no row");
            Assert.True(row.Status == "completed" || !string.IsNullOrWhiteSpace(row.Error), $"image {row.Id} failed without a reason");
        }

        Assert.All(Failed, r => Assert.False(string.IsNullOrWhiteSpace(r.Error), $"image {r.Id} failed without a reason"));
        Assert.Equal(0, DuplicatePredictions);
    }

    /// <summary>One line for the test output: what was sent, what was accepted, where it ended, how long it took.</summary>
    public string Describe(string fault, IReadOnlyList<UploadAttempt> attempts, TimeSpan faultDuration) =>
        $"{fault}: {attempts.Count} uploads ({UploadLoad.Summary(attempts)}); {Rows.Count} rows: {Completed} completed, "
        + $"{Failed.Count} failed{FailureReasons()}; duplicate predictions {DuplicatePredictions}; "
        + $"fault lasted {faultDuration.TotalSeconds:0.0} s, settled {Took.TotalSeconds:0.0} s after it; "
        + $"slowest upload {attempts.Max(a => a.Took).TotalSeconds:0.0} s";

    private string FailureReasons() =>
        Failed.Count == 0 ? "" : " (" + string.Join("; ", Failed.GroupBy(r => r.Error).Select(g => $"{g.Count()}× {g.Key}")) + ")";
}
