using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.E2E;

/// <summary>The faults of the fault suite, injected into a running bench topology at a chosen moment.</summary>
public static class FaultInjector
{
    public static readonly IReadOnlyList<string> Names =
        ["kill-worker", "kill-preprocessor", "restart-rabbitmq", "restart-redis", "restart-postgres"];

    /// <summary>Waits <paramref name="after"/>, injects <paramref name="fault"/>, and returns when it began.</summary>
    public static async Task<DateTimeOffset> InjectAsync(TestAppHost host, string fault, TimeSpan after)
    {
        await Task.Delay(after);
        var began = DateTimeOffset.UtcNow;
        switch (fault)
        {
            case "kill-worker":
                Kill(host, "workers");
                break;
            case "kill-preprocessor":
                Kill(host, "preprocessor");
                break;
            case "restart-rabbitmq":
                await RestartAsync(host, "messaging");
                break;
            case "restart-redis":
                await RestartAsync(host, "cache");
                break;
            case "restart-postgres":
                await RestartAsync(host, "postgres");
                break;
            default:
                throw new ArgumentException($"unknown fault '{fault}'; known: {string.Join(", ", Names)}", nameof(fault));
        }

        Console.WriteLine($"fault {fault} injected at +{after.TotalSeconds:F0} s, done after {(DateTimeOffset.UtcNow - began).TotalSeconds:F1} s");
        return began;
    }

    private static void Kill(TestAppHost host, string resource)
    {
        if (!host.Processes.KillInstance(resource))
        {
            throw new InvalidOperationException($"{resource} has no running process to kill");
        }
    }

    private static async Task RestartAsync(TestAppHost host, string server)
    {
        await host.App.StopResourceAsync(host.Processes, server);
        await host.App.StartResourceAsync(host.Processes, server);
    }
}
