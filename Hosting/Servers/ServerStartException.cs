namespace VisionAspire.Hosting.Servers;

/// <summary>A server exited or did not become ready in time; the message ends with its last log lines.</summary>
public sealed class ServerStartException(string message) : Exception(message)
{
    internal static ServerStartException From(string server, string reason, IReadOnlyList<string> recentLines) =>
        new($"{server} {reason}.{Environment.NewLine}{string.Join(Environment.NewLine, recentLines.TakeLast(30))}");
}
