using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Operations.Bench;

/// <summary>
/// POST /api/v1/resize?width=720&amp;format=jpeg&amp;quality=80 on a running service (--api URL, --sharp URL) or on
/// the Api of a topology this bench starts. The server's CPU per operation is measured where its process is known:
/// the started Api's process tree, or the process id given with the URL.
/// </summary>
internal sealed class ApiTarget : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly TestAppHost? _host;
    private readonly ProcessCpu? _cpu;

    private ApiTarget(HttpClient http, TestAppHost? host, ProcessCpu? cpu, string description)
    {
        _http = http;
        _host = host;
        _cpu = cpu;
        Description = description;
    }

    public string Description { get; }

    public static async Task<ApiTarget> StartAsync(string? url, int? processId)
    {
        if (url is not null)
        {
            var cpu = processId is { } pid ? new ProcessCpu(() => [pid]) : null;
            var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Add("X-Api-Key", Environment.GetEnvironmentVariable("VISION_API_KEY") ?? "");
            return new ApiTarget(client, null, cpu, url);
        }

        var host = await TestAppHost.StartAsync<Projects.AppHost>(["api"]);
        // DCP starts the Api through `dotnet run`: the service is a child of the process it reports.
        var apiTree = new ProcessCpu(() => [.. host.Processes.ProcessIds("api").SelectMany(ProcessTree.Snapshot).Select(p => p.Pid)]);
        return new ApiTarget(host.CreateApiClient(), host, apiTree, "AppHost topology");
    }

    public Task<Measurement> MeasureAsync(byte[] source, int concurrency, int total) =>
        Throughput.MeasureAsync(concurrency, total, async () =>
        {
            var part = new ByteArrayContent(source);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var form = new MultipartFormDataContent { { part, "file", "source.jpg" } };
            using var response = await _http.PostAsync("/api/v1/resize?width=720&format=jpeg&quality=80", form);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                throw new InvalidOperationException($"The Api answered {(int)response.StatusCode}.");
            }
        }, _cpu);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
