using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>One upload's outcome: the Api's status (none when the request failed in transport) and the image it accepted.</summary>
public sealed record UploadAttempt(string Sha256, int? Status, Guid? ImageId, bool ProblemDetails, string? Failure, TimeSpan Took, DateTime FinishedAt)
{
    public bool Accepted => Status == (int)HttpStatusCode.Accepted && ImageId is not null;
}

/// <summary>
/// Byte-unique photos uploaded one per request by a few concurrent senders, recording every outcome instead of failing
/// on the first refusal: a test injects its fault while the load runs and judges the outcomes after. A request that
/// fails in transport (the Api is down) is sent again a moment later, as a client would, until it gets an answer.
/// </summary>
public sealed class UploadLoad
{
    public const int DefaultCount = 100;
    private const int Senders = 6;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private readonly ConcurrentQueue<(string Name, byte[] Data)> _pending;
    private readonly ConcurrentBag<UploadAttempt> _attempts = [];
    private readonly Task _run;

    private UploadLoad(ApiClient api, IReadOnlyList<(string Name, byte[] Data)> files)
    {
        _pending = new(files);
        Sha256s = [.. files.Select(f => Sha256(f.Data))];
        _run = Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendAsync(api))));
    }

    /// <summary>The SHA-256 of every file of the load, sent or not yet sent.</summary>
    public IReadOnlyList<string> Sha256s { get; }

    public IReadOnlyList<UploadAttempt> Attempts => [.. _attempts];

    public int AcceptedCount => _attempts.Count(a => a.Accepted);

    /// <summary>The answered attempts (one per file sent), without the transport failures that were sent again.</summary>
    public static IReadOnlyList<UploadAttempt> Answered(IEnumerable<UploadAttempt> attempts) => [.. attempts.Where(a => a.Status is not null)];

    /// <summary>Starts uploading <paramref name="count"/> photos tagged <paramref name="tag"/> (unique per call).</summary>
    public static UploadLoad Start(ApiClient api, string tag, int count = DefaultCount) => new(api, Photos(tag, count));

    /// <summary>Byte-unique copies of the shared photos, cycling through them.</summary>
    public static IReadOnlyList<(string Name, byte[] Data)> Photos(string tag, int count)
    {
        var sources = TestPaths.AllImages().Select(File.ReadAllBytes).ToArray();
        var run = Guid.NewGuid();
        return [.. Enumerable.Range(0, count).Select(i => ($"{tag}-{i}.jpg", UniqueImages.WithTag(sources[i % sources.Length], $"{tag}-{i}-{run}")))];
    }

    /// <summary>Waits until <paramref name="accepted"/> uploads were accepted (the fault then hits a loaded pipeline).</summary>
    public async Task WaitForAcceptedAsync(int accepted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcceptedCount < accepted)
        {
            Assert.True(DateTime.UtcNow < deadline && !_run.IsCompleted,
                $"only {AcceptedCount} of {Sha256s.Count} uploads accepted within {timeout}: {Summary(Attempts)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until every file was sent and answered (or failed in transport).</summary>
    public async Task<IReadOnlyList<UploadAttempt>> FinishAsync()
    {
        await _run;
        return Attempts;
    }

    /// <summary>Counts of outcomes by status, e.g. "202: 97, 503: 3, transport: 0".</summary>
    public static string Summary(IEnumerable<UploadAttempt> attempts) =>
        string.Join(", ", attempts.GroupBy(a => a.Status?.ToString() ?? "transport").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private async Task SendAsync(ApiClient api)
    {
        while (_pending.TryDequeue(out var file))
        {
            var first = DateTime.UtcNow;
            UploadAttempt attempt;
            do
            {
                attempt = await SendOneAsync(api, file);
                _attempts.Add(attempt);
                if (attempt.Status is null)
                {
                    await Task.Delay(RetryDelay);
                }
            }
            while (attempt.Status is null && DateTime.UtcNow - first < GiveUpAfter);
        }
    }

    /// <summary>Sends one file and records its outcome; a transport failure is an outcome too.</summary>
    public static async Task<UploadAttempt> SendOneAsync(ApiClient api, (string Name, byte[] Data) file)
    {
        var sha256 = Sha256(file.Data);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await api.PostFilesAsync(file);
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            Guid? id = response.StatusCode == HttpStatusCode.Accepted
                ? System.Text.Json.JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!.Images.Single().Id
                : null;
            return new UploadAttempt(sha256, (int)response.StatusCode, id, problem, response.IsSuccessStatusCode ? null : body, clock.Elapsed, DateTime.UtcNow);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new UploadAttempt(sha256, null, null, false, e.Message, clock.Elapsed, DateTime.UtcNow);
        }
    }
}
