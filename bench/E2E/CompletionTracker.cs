using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionAspire.E2E;

/// <summary>One upload of a run and when it reached its final state (server clock, same machine as the client's).</summary>
public sealed record FinishedImage(Guid Id, DateTimeOffset Started, DateTimeOffset Done, bool Completed)
{
    public double LatencyMs => (Done - Started).TotalMilliseconds;
}

/// <summary>
/// Follows uploads to their final state with two list requests (completed, failed) per half second, so following
/// them costs the shared cores next to nothing and polling does not inflate latencies (the final state's
/// <c>updated_at</c> is the end, not the poll that saw it).
/// </summary>
public static class CompletionTracker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] FinalStatuses = ["completed", "failed"];

    /// <summary>The Api's largest page.</summary>
    private const int PageSize = 100;

    private sealed record ImageState(Guid Id, DateTimeOffset UpdatedAt);

    private sealed record ImagePage(IReadOnlyList<ImageState> Items);

    /// <summary>Returns when <paramref name="total"/> uploads taken from <paramref name="uploaded"/> are final.</summary>
    public static async Task<List<FinishedImage>> TrackAsync(
        HttpClient api, ConcurrentQueue<(Guid Id, DateTimeOffset Started)> uploaded, int total)
    {
        var finished = new List<FinishedImage>(total);
        var outstanding = new Dictionary<Guid, DateTimeOffset>();
        while (finished.Count < total)
        {
            await Task.Delay(PollInterval);
            while (uploaded.TryDequeue(out var item))
            {
                outstanding.Add(item.Id, item.Started);
            }

            foreach (var status in FinalStatuses)
            {
                foreach (var image in await NewestAsync(api, status, total))
                {
                    if (outstanding.Remove(image.Id, out var started))   // else another run's image, or counted already
                    {
                        finished.Add(new FinishedImage(image.Id, started, image.UpdatedAt, status == "completed"));
                    }
                }
            }
        }

        return finished;
    }

    /// <summary>The newest <paramref name="count"/> images in <paramref name="status"/>: this run's uploads are the newest.</summary>
    private static async Task<List<ImageState>> NewestAsync(HttpClient api, string status, int count)
    {
        var images = new List<ImageState>(count);
        for (var page = 1; images.Count < count; page++)
        {
            var items = (await api.GetFromJsonAsync<ImagePage>($"/api/v1/images?status={status}&page={page}&limit={PageSize}", Json))!.Items;
            images.AddRange(items);
            if (items.Count < PageSize)
            {
                break;
            }
        }

        return images;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
