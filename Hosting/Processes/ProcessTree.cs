namespace VisionAspire.Hosting.Processes;

/// <summary>
/// Reads the process tree from /proc. A process is identified by (pid, start time) so that a recycled
/// PID is never mistaken for a process we started.
/// </summary>
public static class ProcessTree
{
    public readonly record struct ProcessIdentity(int Pid, long StartTime);

    /// <summary>The process itself and every descendant alive right now.</summary>
    public static IReadOnlyList<ProcessIdentity> Snapshot(int rootPid)
    {
        var parents = new Dictionary<int, List<ProcessIdentity>>();
        ProcessIdentity? root = null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }

            var identity = new ProcessIdentity(pid, stat.StartTime);
            if (pid == rootPid)
            {
                root = identity;
            }

            if (!parents.TryGetValue(stat.ParentPid, out var children))
            {
                parents[stat.ParentPid] = children = [];
            }
            children.Add(identity);
        }

        if (root is null)
        {
            return [];
        }

        var result = new List<ProcessIdentity> { root.Value };
        for (var i = 0; i < result.Count; i++)
        {
            if (parents.TryGetValue(result[i].Pid, out var children))
            {
                result.AddRange(children);
            }
        }
        return result;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => ReadStat(pid) is { State: not 'Z' and not 'X' };

    public static bool IsAlive(ProcessIdentity process) =>
        ReadStat(process.Pid) is { State: not 'Z' and not 'X' } stat && stat.StartTime == process.StartTime;

    /// <summary>SIGKILLs every process of the snapshot that is still the same process.</summary>
    public static void KillSurvivors(IEnumerable<ProcessIdentity> snapshot)
    {
        foreach (var process in snapshot)
        {
            if (IsAlive(process))
            {
                UnixNative.SendSignal(process.Pid, UnixNative.SIGKILL);
            }
        }
    }

    /// <summary>Waits until no process of the snapshot is alive any more (SIGKILL is delivered asynchronously).</summary>
    public static async Task<bool> WaitForExitAsync(IEnumerable<ProcessIdentity> snapshot, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (snapshot.Any(IsAlive))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
        return true;
    }

    private readonly record struct Stat(char State, int ParentPid, long StartTime);

    private static Stat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new Stat(fields[0][0], int.Parse(fields[1]), long.Parse(fields[19]));
    }
}
