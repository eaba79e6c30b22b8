namespace VisionAspire.Api.Images;

/// <summary>
/// When <see cref="UploadedImageSweeper"/> looks next: every <c>tick</c> while its passes succeed; after a failed pass
/// <c>firstRetry</c>, doubling with each further failure up to the tick. Not thread-safe (one sweeper's).
/// </summary>
public sealed class SweepSchedule
{
    private readonly TimeSpan _firstRetry;
    private readonly TimeSpan _tick;
    private TimeSpan _retryDelay;

    public SweepSchedule(TimeSpan firstRetry, TimeSpan tick)
    {
        _firstRetry = firstRetry;
        _tick = tick;
        _retryDelay = firstRetry;
    }

    /// <summary>Whether the last pass failed: the next one comes after <see cref="NextDelay"/>, whatever else happens.</summary>
    public bool Retrying { get; private set; }

    public TimeSpan NextDelay => Retrying ? _retryDelay : _tick;

    public void Record(bool succeeded)
    {
        if (succeeded)
        {
            Retrying = false;
            _retryDelay = _firstRetry;
        }
        else if (!Retrying)
        {
            Retrying = true;
        }
        else
        {
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _tick.Ticks));
        }
    }
}
