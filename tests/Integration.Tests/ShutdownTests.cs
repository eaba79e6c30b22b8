using System.Diagnostics;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Integration.Tests;

/// <summary>Stopping the AppHost stops every server and service it started.</summary>
public sealed class ShutdownTests
{
    private static readonly string[] Resources = ["cache", "postgres", "messaging", "api", "preprocessor", "workers"];

    [Fact]
    public async Task Stopping_the_apphost_leaves_no_child_process()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(cts.Token);
        var app = await appHost.BuildAsync(cts.Token);
        List<int> pids;
        try
        {
            await app.StartAsync(cts.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("workers", cts.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cts.Token);
            pids = Resources.SelectMany(app.GetResourceProcessIds).ToList();
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.True(pids.Count >= 7, $"only {pids.Count} processes were listed");
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} outlived the AppHost"));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
