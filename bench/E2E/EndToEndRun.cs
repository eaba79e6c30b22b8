using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionAspire.E2E;

public sealed record EndToEndResult(int Completed, int Failed, double ImagesPerSecond, double P50Ms, double P95Ms);

/// <summary>
/// A closed loop of <c>concurrency</c> clients: each uploads one image, polls it until completed or failed,
/// then takes the next. Latency = upload start (client clock) → the image row's updated_at when it reached its
/// final state (server clock, same machine), so the poll interval does not inflate it.
/// </summary>
public static class EndToEndRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private sealed record UploadResult(Guid JobId, List<Uploaded> Images);

    private sealed record Uploaded(Guid Id);

    private sealed record ImageState(string Status, DateTimeOffset UpdatedAt);

    public static async Task<EndToEndResult> RunAsync(HttpClient api, IReadOnlyList<(string Name, byte[] Data)> workload, int concurrency)
    {
        var latencies = new List<double>();
        var failed = 0;
        var next = -1;
        var lastDone = DateTimeOffset.MinValue;

        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Count)
            {
                var started = DateTimeOffset.UtcNow;
                var id = await UploadAsync(api, workload[i]);
                var state = await WaitAsync(api, id);
                lock (latencies)
                {
                    if (state.Status == "completed")
                    {
                        latencies.Add((state.UpdatedAt - started).TotalMilliseconds);
                    }
                    else
                    {
                        failed++;
                    }

                    lastDone = state.UpdatedAt > lastDone ? state.UpdatedAt : lastDone;
                }
            }
        }

        var benchStart = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientAsync)));

        latencies.Sort();
        var wall = (lastDone - benchStart).TotalSeconds;
        return new EndToEndResult(latencies.Count, failed, workload.Count / wall, Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    private static async Task<Guid> UploadAsync(HttpClient api, (string Name, byte[] Data) file)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file.Data);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", file.Name);
        using var response = await api.PostAsync("/api/v1/images", form);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<UploadResult>(Json);
        return result!.Images[0].Id;
    }

    private static async Task<ImageState> WaitAsync(HttpClient api, Guid id)
    {
        while (true)
        {
            var state = (await api.GetFromJsonAsync<ImageState>($"/api/v1/images/{id}", Json))!;
            if (state.Status is "completed" or "failed")
            {
                return state;
            }

            await Task.Delay(PollInterval);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
