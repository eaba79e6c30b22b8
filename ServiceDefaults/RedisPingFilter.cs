using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps Redis PINGs out of the export: the services never PING for work, only the health checks and the
/// connection keep-alive do, every few seconds per service. The Redis client makes its spans from profiled commands
/// after the fact, parented to the probe request whose own span is filtered out, so each would show in the dashboard
/// as a trace of its own; suppressing instrumentation in the probe does not reach them, so a processor drops them.
/// </summary>
internal sealed class RedisPingFilter : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.DisplayName == "PING" && data.Source.Name.Contains("Redis", StringComparison.Ordinal))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
