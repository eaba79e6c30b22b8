using System.Net.Http.Json;
using System.Text.Json;

namespace VisionAspire.E2E;

/// <summary>Prints how many images sit in each status every few seconds: shows which stage is the bottleneck.</summary>
public static class StatusCensus
{
    private static readonly string[] Statuses = ["uploaded", "preprocessing", "queued", "processing", "completed", "failed"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Page(long Total);

    public static async Task RunAsync(HttpClient api, TimeSpan interval, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval, ct);
                var counts = new List<string>();
                foreach (var status in Statuses)
                {
                    var page = await api.GetFromJsonAsync<Page>($"/api/v1/images?limit=1&status={status}", Json, ct);
                    counts.Add($"{status} {page!.Total}");
                }

                Console.Error.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {string.Join(", ", counts)}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
