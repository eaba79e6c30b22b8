using System.Runtime.InteropServices;

namespace VisionAspire.Bench.Ocr;

/// <summary>
/// CPU time (user + system) from getrusage: of this process (all its threads) and of its waited-for children. On a
/// machine shared with other builds, CPU time per image is steadier than wall time, which also counts waiting for a core.
/// </summary>
internal static class CpuTime
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan OfThisProcess() => Read(Self);

    public static TimeSpan OfChildren() => Read(Children);

    private static TimeSpan Read(int who)
    {
        if (GetRusage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }
        var microseconds = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
        return TimeSpan.FromMicroseconds(microseconds);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Usage usage);

    /// <summary>Linux x64 <c>struct rusage</c>: two timevals, then fourteen longs (not read; Size reserves them).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
