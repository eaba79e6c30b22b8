namespace VisionAspire.ServiceDefaults.Resilience;

/// <summary>
/// The resilience applied to every outgoing HttpClient request (Aspire's standard handler values, with a
/// shorter first retry delay). Change with <c>services.Configure&lt;HttpResilienceOptions&gt;(...)</c>.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Limit for the whole request, retries included.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of failed requests, within <see cref="CircuitSamplingDuration"/>, that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.1;

    public int CircuitMinimumThroughput { get; set; } = 100;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
