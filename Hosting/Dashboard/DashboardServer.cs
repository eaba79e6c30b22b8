using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Dashboard;

/// <summary>
/// The AppHost's dashboard: one HTML page polling <c>/api/resources</c> (each instance's state, health, endpoints,
/// PID, restarts and recent log lines), served by Kestrel on 127.0.0.1.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(
        int port, ResourceNotificationService notifications, Func<string, IReadOnlyList<string>> logs, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var url = new Uri($"http://127.0.0.1:{LoopbackPorts.GetFreeOr(port)}");
        builder.WebHost.UseUrls(url.ToString());

        var app = builder.Build();
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", (int? lines) => notifications.GetSnapshots().Select(s => new
        {
            s.Name,
            Resource = s.ResourceName,
            Type = s.ResourceType,
            State = s.State.ToString(),
            Health = s.Health.ToString(),
            s.ProcessId,
            s.Restarts,
            s.ExitCode,
            s.Endpoints,
            s.Error,
            Logs = logs(s.Name).TakeLast(Math.Clamp(lines ?? 50, 0, 500)),
        }));

        await app.StartAsync(ct);
        return new DashboardServer(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
