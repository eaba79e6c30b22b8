namespace VisionAspire.Data.Tests.Data;

public sealed class DurationHistogramTests
{
    [Fact]
    public void Percentiles_of_a_known_distribution_are_within_five_percent()
    {
        var histogram = new DurationHistogram();
        // 1..1000 ms once each: p50 = 500, p95 = 950, p99 = 990.
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Add(DurationHistogram.BucketOf(ms), 1);
        }

        Assert.Equal(1000, histogram.Count);
        Assert.InRange(histogram.Percentile(0.50)!.Value, 475, 525);
        Assert.InRange(histogram.Percentile(0.95)!.Value, 902.5, 997.5);
        Assert.InRange(histogram.Percentile(0.99)!.Value, 940.5, 1039.5);
    }

    [Fact]
    public void Every_duration_reads_back_within_five_percent_of_itself()
    {
        foreach (var ms in new[] { 1.0, 1.05, 3.3, 17, 250, 999.9, 4_321, 60_000, 3_600_000 })
        {
            var middle = DurationHistogram.Middle(DurationHistogram.BucketOf(ms));
            Assert.InRange(middle / ms, 0.95, 1.05);
        }
    }

    [Fact]
    public void Merging_adds_counts_and_an_empty_histogram_has_no_percentile()
    {
        var a = new DurationHistogram();
        var b = new DurationHistogram();
        Assert.Null(a.Percentile(0.5));
        a.Add(DurationHistogram.BucketOf(10), 3);
        b.Add(DurationHistogram.BucketOf(100), 1);

        a.Add(b);

        Assert.Equal(4, a.Count);
        Assert.InRange(a.Percentile(0.75)!.Value, 9.5, 10.5);
        Assert.InRange(a.Percentile(1)!.Value, 95, 105);
    }
}
