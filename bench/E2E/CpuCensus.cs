using System.Globalization;

namespace VisionAspire.E2E;

/// <summary>
/// CPU time of this process and its descendants, grouped by what they are (api, preprocessor, workers, postgres,
/// rabbitmq, redis, bench), from /proc, plus the machine's busy and idle time, so a run says where its CPU went.
/// A process that starts and ends inside the window (a short-lived postgres backend) is not seen.
/// </summary>
public sealed class CpuCensus
{
    private static readonly double TicksPerSecond = 100;   // USER_HZ on Linux
    private readonly Dictionary<(int Pid, long Start), (string Group, double Seconds)> _before;
    private readonly (double Busy, double Idle) _machineBefore;

    private CpuCensus(Dictionary<(int, long), (string, double)> before, (double, double) machine)
    {
        _before = before;
        _machineBefore = machine;
    }

    public static CpuCensus Start() => new(Sample(), Machine());

    /// <summary>Milliseconds of CPU per image for each group, the machine's busy cores, and CPU used outside the tree.</summary>
    public string Report(int images, TimeSpan window)
    {
        var after = Sample();
        var machine = Machine();
        var groups = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, (group, seconds)) in after)
        {
            var used = seconds - (_before.TryGetValue(key, out var earlier) ? earlier.Seconds : 0);
            groups[group] = groups.GetValueOrDefault(group) + used;
        }

        var tree = groups.Values.Sum();
        var busy = machine.Busy - _machineBefore.Busy;
        var idle = machine.Idle - _machineBefore.Idle;
        var lines = groups.OrderByDescending(g => g.Value)
            .Select(g => $"{g.Key} {g.Value * 1000 / images:F1}")
            .Append($"others {Math.Max(0, busy - tree) * 1000 / images:F1}");
        return $"CPU ms per image: {string.Join(", ", lines)}; total {busy * 1000 / images:F1}; " +
               $"busy {busy / window.TotalSeconds:F2} cores, idle {idle / window.TotalSeconds:F2} cores";
    }

    private static Dictionary<(int, long), (string, double)> Sample()
    {
        var result = new Dictionary<(int, long), (string, double)>();
        var root = Environment.ProcessId;
        var parents = new Dictionary<int, int>();
        var stats = new Dictionary<int, (long Start, double Seconds)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }

            parents[pid] = stat.Parent;
            stats[pid] = (stat.Start, stat.Seconds);
        }

        foreach (var (pid, (start, seconds)) in stats)
        {
            if (!IsDescendant(pid, root, parents))
            {
                continue;
            }

            var group = GroupOf(pid);
            var jit = TieredCompilationSeconds(pid);
            result[(pid, start)] = (group, seconds - jit);
            if (jit > 0)
            {
                // Keyed apart from the process: a negative pid cannot clash with a real one.
                result[(-pid, start)] = (group + " tier-1 JIT", jit);
            }
        }

        return result;
    }

    /// <summary>CPU of the runtime's background tier-1 compilation thread(s) of a .NET process.</summary>
    private static double TieredCompilationSeconds(int pid)
    {
        var seconds = 0.0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "stat"));
                if (text.Contains("(.NET Tiered Com", StringComparison.Ordinal) && ParseStat(text) is var stat)
                {
                    seconds += stat.Seconds;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return seconds;
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (pid == root)
            {
                return true;
            }

            if (!parents.TryGetValue(pid, out pid) || pid <= 1)
            {
                return false;
            }
        }

        return false;
    }

    private static string GroupOf(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return "bench+apphost";
        }

        string command;
        try
        {
            command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "other";
        }

        foreach (var (marker, group) in new[]
                 {
                     ("VisionAspire.Api", "api"), ("VisionAspire.Preprocessor", "preprocessor"),
                     ("VisionAspire.Workers.Gpu", "workers"), ("postgres", "postgres"), ("rabbit", "rabbitmq"),
                     ("beam", "rabbitmq"), ("epmd", "rabbitmq"), ("erl_child_setup", "rabbitmq"), ("inet_gethost", "rabbitmq"),
                     ("redis", "redis"),
                 })
        {
            if (command.Contains(marker, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return "other";
    }

    private static (int Parent, long Start, double Seconds)? ReadStat(int pid)
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

        return ParseStat(text);
    }

    private static (int Parent, long Start, double Seconds) ParseStat(string text)
    {
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture),
            (utime + stime) / TicksPerSecond);
    }

    private static (double Busy, double Idle) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        var idle = fields[3] + fields[4];
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        return (busy / TicksPerSecond, idle / TicksPerSecond);
    }
}
