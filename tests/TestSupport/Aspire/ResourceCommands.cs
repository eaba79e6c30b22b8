using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.TestSupport.Aspire;

/// <summary>Stop and Start of a single-instance resource, the way the dashboard's buttons do them.</summary>
public static class ResourceCommands
{
    /// <summary>Stops the resource and waits until it has exited.</summary>
    public static Task StopResourceAsync(this DistributedApplication app, ResourceProcesses processes, string resource) =>
        ExecuteAsync(app, processes, resource, KnownResourceCommands.StopCommand);

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, ResourceProcesses processes, string resource)
    {
        await ExecuteAsync(app, processes, resource, KnownResourceCommands.StartCommand);
        using var cts = new CancellationTokenSource(TestAppHost.StartTimeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
    }

    private static async Task ExecuteAsync(DistributedApplication app, ResourceProcesses processes, string resource, string command)
    {
        var commands = app.Services.GetService(typeof(ResourceCommandService)) as ResourceCommandService
            ?? throw new InvalidOperationException("no ResourceCommandService");
        var result = await commands.ExecuteCommandAsync(processes.Instances(resource).Single(), command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} {resource}: {result.Message}");
        }
    }
}
