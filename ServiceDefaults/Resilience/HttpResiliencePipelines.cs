using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace VisionAspire.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline per destination (scheme://host:port as the caller wrote it), so a circuit opened for one
/// service does not block others, and its state survives HttpClient handler rotation. Thread-safe.
/// </summary>
internal sealed class HttpResiliencePipelines(IOptions<HttpResilienceOptions> options)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> For(Uri? destination) =>
        _pipelines.GetOrAdd(destination is { IsAbsoluteUri: true } ? destination.GetLeftPart(UriPartial.Authority) : "", _ => Build(options.Value));

    /// <summary>Network failures, attempt timeouts, 5xx, 408 and 429.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpResilienceOptions settings) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(settings.TotalRequestTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome)),
                OnRetry = args =>
                {
                    // The failed response is replaced by the next attempt's; release its connection.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();

    /// <summary>Honours a short Retry-After on 429/503; otherwise the default back-off applies (null).</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d && d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(30) ? d : null;
    }
}
