using VisionAspire.Hosting.Processes;
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
        List<ProcessTree.ProcessIdentity> processes;
        try
        {
            await app.StartAsync(cts.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("workers", cts.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cts.Token);
            // Pid plus start time, with descendants (e.g. RabbitMQ's epmd): a pid reused later is not this process.
            processes = Resources.SelectMany(app.GetResourceProcessIds).SelectMany(ProcessTree.Snapshot).ToList();
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.True(processes.Count >= 7, $"only {processes.Count} processes were listed");
        Assert.All(processes, p => Assert.False(ProcessTree.IsAlive(p), $"process {p.Pid} outlived the AppHost"));
    }
}
