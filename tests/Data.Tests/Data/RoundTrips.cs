using System.Diagnostics;

namespace VisionAspire.Data.Tests.Data;

/// <summary>
/// Counts the commands and batches Npgsql executes in the calling flow while it is alive (one execution is one
/// round trip). It starts an activity of its own and counts only Npgsql's activities of that trace, so other
/// tests running at the same time do not count. Thread-safe.
/// </summary>
internal sealed class RoundTrips : IDisposable
{
    private readonly Activity _root = new Activity("round-trips").SetIdFormat(ActivityIdFormat.W3C).Start();
    private readonly ActivityListener _listener;
    private readonly List<string> _executed = [];

    public RoundTrips()
    {
        var trace = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    lock (_executed)
                    {
                        _executed.Add(activity.DisplayName);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>What was executed so far, by activity name.</summary>
    public IReadOnlyList<string> Executed
    {
        get
        {
            lock (_executed)
            {
                return [.. _executed];
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _root.Stop();
    }
}
