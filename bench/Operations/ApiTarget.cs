using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Operations.Bench;

/// <summary>POST /api/v1/resize?width=720&amp;format=jpeg&amp;quality=80 on a running Api (--api URL) or on a topology this bench starts.</summary>
internal sealed class ApiTarget : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly TestAppHost? _host;

    private ApiTarget(HttpClient http, TestAppHost? host, string description)
    {
        _http = http;
        _host = host;
        Description = description;
    }

    public string Description { get; }

    public static async Task<ApiTarget> StartAsync(string? url)
    {
        if (url is not null)
        {
            return new ApiTarget(new HttpClient { BaseAddress = new Uri(url) }, null, url);
        }

        var host = await TestAppHost.StartAsync<Projects.AppHost>(["api"]);
        return new ApiTarget(host.App.CreateHttpClient("api"), host, "AppHost topology");
    }

    public Task<double> MeasureAsync(byte[] source, int concurrency, int total) =>
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
        });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
