using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionAspire.E2E;

public sealed record EndToEndResult(int Completed, int Failed, double ImagesPerSecond, double P50Ms, double P95Ms);

/// <summary>
/// <c>concurrency</c> clients upload the workload as fast as the Api accepts it (one file per request) while one
/// tracker follows the images to their final state with two list requests (completed, failed) per half second,
/// so following them costs the shared cores next to nothing. Latency = upload start (client clock) → the image's
/// updated_at when it reached its final state (server clock, same machine), so polling does not inflate it.
/// Throughput = images / (first upload start → last final state).
/// </summary>
public static class EndToEndRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] FinalStatuses = ["completed", "failed"];

    /// <summary>The Api's largest page.</summary>
    private const int PageSize = 100;

    private sealed record UploadResult(Guid JobId, List<Uploaded> Images);

    private sealed record Uploaded(Guid Id);

    private sealed record ImageState(Guid Id, DateTimeOffset UpdatedAt);

    private sealed record ImagePage(IReadOnlyList<ImageState> Items);

    /// <param name="tasks">The uploads' tasks= (comma-separated); null uploads without, so each image runs its kind's defaults.</param>
    public static async Task<EndToEndResult> RunAsync(
        HttpClient api, IReadOnlyList<(string Name, byte[] Data)> workload, int concurrency, string? tasks = null)
    {
        var uploadPath = tasks is null ? "/api/v1/images" : $"/api/v1/images?tasks={Uri.EscapeDataString(tasks)}";
        var uploaded = new ConcurrentQueue<(Guid Id, DateTimeOffset Started)>();
        var next = -1;
        var start = DateTimeOffset.UtcNow;

        async Task UploaderAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Count)
            {
                var started = DateTimeOffset.UtcNow;
                uploaded.Enqueue((await UploadAsync(api, uploadPath, workload[i]), started));
            }
        }

        var uploaders = Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(UploaderAsync)));
        var (latencies, failed, lastDone) = await TrackAsync(api, uploaded, workload.Count);
        await uploaders;

        latencies.Sort();
        var wall = (lastDone - start).TotalSeconds;
        return new EndToEndResult(latencies.Count, failed, workload.Count / wall, Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    private static async Task<(List<double> Latencies, int Failed, DateTimeOffset LastDone)> TrackAsync(
        HttpClient api, ConcurrentQueue<(Guid Id, DateTimeOffset Started)> uploaded, int total)
    {
        var latencies = new List<double>();
        var failed = 0;
        var lastDone = DateTimeOffset.MinValue;
        var outstanding = new Dictionary<Guid, DateTimeOffset>();
        while (latencies.Count + failed < total)
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
                    if (!outstanding.Remove(image.Id, out var started))
                    {
                        continue;   // another run's image, or one counted already
                    }

                    if (status == "completed")
                    {
                        latencies.Add((image.UpdatedAt - started).TotalMilliseconds);
                    }
                    else
                    {
                        failed++;
                    }

                    lastDone = image.UpdatedAt > lastDone ? image.UpdatedAt : lastDone;
                }
            }
        }

        return (latencies, failed, lastDone);
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

    private static async Task<Guid> UploadAsync(HttpClient api, string path, (string Name, byte[] Data) file)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file.Data);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", file.Name);
        using var response = await api.PostAsync(path, form);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<UploadResult>(Json);
        return result!.Images[0].Id;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
