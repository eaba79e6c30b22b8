namespace VisionAspire.Data;

/// <summary>
/// Counts of durations in logarithmic buckets, the C# side of the SQL function <c>stats_duration_bucket</c>: bucket 0
/// holds [0, 1) ms, bucket b &gt;= 1 holds [1.1^(b-1), 1.1^b) ms, bucket <see cref="LastBucket"/> everything above.
/// Percentiles are read as the geometric middle of the bucket holding the rank, within 5 % of the true value.
/// Not thread-safe.
/// </summary>
public sealed class DurationHistogram
{
    public const double Growth = 1.1;
    public const short LastBucket = 300;

    private readonly SortedDictionary<short, long> _counts = [];

    public long Count { get; private set; }

    public IReadOnlyDictionary<short, long> Buckets => _counts;

    /// <summary>The bucket <c>stats_duration_bucket</c> puts <paramref name="milliseconds"/> in.</summary>
    public static short BucketOf(double milliseconds) => milliseconds < 1
        ? (short)0
        : (short)Math.Min(LastBucket, 1 + Math.Floor(Math.Log(milliseconds) / Math.Log(Growth)));

    /// <summary>The value a bucket stands for: its geometric middle (0.5 ms for bucket 0).</summary>
    public static double Middle(short bucket) => bucket == 0 ? 0.5 : Math.Pow(Growth, bucket - 0.5);

    public void Add(short bucket, long count)
    {
        if (count <= 0)
        {
            return;
        }

        _counts[bucket] = _counts.GetValueOrDefault(bucket) + count;
        Count += count;
    }

    public void Add(DurationHistogram other)
    {
        foreach (var (bucket, count) in other._counts)
        {
            Add(bucket, count);
        }
    }

    /// <summary>The <paramref name="quantile"/> (0-1] in ms, or null when the histogram is empty.</summary>
    public double? Percentile(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        foreach (var (bucket, count) in _counts)
        {
            seen += count;
            if (seen >= rank)
            {
                return Middle(bucket);
            }
        }

        return Middle(_counts.Keys.Last());
    }
}
