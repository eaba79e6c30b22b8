namespace VisionAspire.Operations.Bench;

/// <summary>
/// CPU time (user + system) that a set of processes has used so far, from /proc/PID/stat, which also counts threads
/// that have already exited. Far less sensitive to the other load on a shared machine than ops/s.
/// </summary>
internal sealed class ProcessCpu(Func<IReadOnlyList<int>> processIds)
{
    // USER_HZ: the unit of /proc's utime and stime, 100 on every Linux the runtime supports.
    private const double TicksPerSecond = 100;

    public TimeSpan Used()
    {
        long ticks = 0;
        foreach (var pid in processIds())
        {
            string text;
            try
            {
                text = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                continue;
            }

            // The command name is in parentheses and may contain spaces; utime and stime are fields 14 and 15.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
