using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace VisionAspire.LocalServers;

/// <summary>
/// Where local servers keep their data between runs: <c>Vision:StateDirectory</c>, else <c>.state</c> beside the
/// AppHost's folder. <c>--fresh</c> (<c>Vision:Fresh=true</c>) deletes it once, before anything starts.
/// </summary>
internal static class StateDirectory
{
    private const string FreshDoneKey = "Vision:FreshDone";

    public static string For(IDistributedApplicationBuilder builder, string resourceName)
    {
        var root = Root(builder);
        if (IsFresh(builder) && builder.Configuration[FreshDoneKey] is null)
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
            builder.Configuration[FreshDoneKey] = "true";
        }

        var folder = Path.Combine(root, resourceName);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Root(IDistributedApplicationBuilder builder) =>
        builder.Configuration["Vision:StateDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state"));

    private static bool IsFresh(IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration["Vision:Fresh"], "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetCommandLineArgs().Contains("--fresh");
}
