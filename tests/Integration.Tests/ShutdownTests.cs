using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>
/// Stopping the AppHost stops every server and service it started, however it is stopped. Processes are identified by
/// pid and start time, so a pid reused meanwhile cannot pass or fail the test.
/// </summary>
public sealed class ShutdownTests
{
    private const int SIGINT = 2;
    private const int SIGKILL = 9;
    private const int SIGTERM = 15;
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(SIGTERM)]
    [InlineData(SIGINT)]
    [InlineData(SIGKILL)]
    public async Task Signalling_the_apphost_leaves_no_child_process_within_30_s(int signal)
    {
        using var appHost = AppHostProcess.Start(TestConfiguration.Name);
        var processes = await appHost.WaitForTopologyAsync(TimeSpan.FromMinutes(4));

        appHost.Signal(signal);

        var deadline = DateTime.UtcNow + Allowed;
        while (processes.Any(ProcessTree.IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        var survivors = processes.Where(ProcessTree.IsAlive).ToList();
        Assert.True(processes.Count >= 10, $"only {processes.Count} processes were listed");
        Assert.True(survivors.Count == 0, $"{survivors.Count} processes outlived signal {signal} by {Allowed}: " + string.Join(", ", survivors.Select(p => p.Pid)));
    }
}
