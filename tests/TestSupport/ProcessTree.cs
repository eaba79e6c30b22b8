namespace VisionAspire.TestSupport;

/// <summary>
/// The process tree from /proc. A process is identified by (pid, start time) so that a recycled pid is never mistaken
/// for a process a test saw earlier.
/// </summary>
public static class ProcessTree
{
    public readonly record struct ProcessIdentity(int Pid, long StartTime);

    /// <summary>The process itself and every descendant alive right now.</summary>
    public static IReadOnlyList<ProcessIdentity> Snapshot(int rootPid)
    {
        var children = new Dictionary<int, List<ProcessIdentity>>();
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
            if (!children.TryGetValue(stat.ParentPid, out var siblings))
            {
                children[stat.ParentPid] = siblings = [];
            }
            siblings.Add(identity);
        }

        if (root is null)
        {
            return [];
        }

        var result = new List<ProcessIdentity> { root.Value };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i].Pid, out var found))
            {
                result.AddRange(found);
            }
        }
        return result;
    }

    /// <summary>True while the same process (pid and start time) exists and is not a zombie.</summary>
    public static bool IsAlive(ProcessIdentity process) =>
        ReadStat(process.Pid) is { State: not 'Z' and not 'X' } stat && stat.StartTime == process.StartTime;

    public static void Kill(ProcessIdentity process)
    {
        if (!IsAlive(process))
        {
            return;
        }

        try
        {
            using var target = System.Diagnostics.Process.GetProcessById(process.Pid);
            target.Kill();
        }
        catch (ArgumentException)
        {
            // exited meanwhile
        }
        catch (InvalidOperationException)
        {
        }
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

        // The command name is in parentheses and may itself contain spaces or parentheses.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new Stat(fields[0][0], int.Parse(fields[1]), long.Parse(fields[19]));
    }
}
