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
    private readonly Dictionary<(int Pid, long Start), ProcessCpu> _before;
    private readonly (double Busy, double Idle) _machineBefore;

    private sealed record ProcessCpu(string Group, double Seconds, long MinorFaults, Dictionary<int, double> JitThreads);

    private CpuCensus(Dictionary<(int, long), ProcessCpu> before, (double, double) machine)
    {
        _before = before;
        _machineBefore = machine;
    }

    public static CpuCensus Start() => new(Sample(), Machine());

    /// <summary>
    /// Milliseconds of CPU per image for each group, of which background tier-1 JIT (threads alive at both
    /// samples), the machine's busy and idle cores, and CPU used outside the tree. A process started inside
    /// the window counts with its whole lifetime.
    /// </summary>
    public CpuReport Report(int images, TimeSpan window)
    {
        var after = Sample();
        var machine = Machine();
        var groups = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var jit = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var faults = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, now) in after)
        {
            var earlier = _before.GetValueOrDefault(key);
            groups[now.Group] = groups.GetValueOrDefault(now.Group) + now.Seconds - (earlier?.Seconds ?? 0);
            faults[now.Group] = faults.GetValueOrDefault(now.Group) + now.MinorFaults - (earlier?.MinorFaults ?? 0);
            foreach (var (tid, seconds) in now.JitThreads)
            {
                if (earlier is not null && earlier.JitThreads.TryGetValue(tid, out var before))
                {
                    jit[now.Group] = jit.GetValueOrDefault(now.Group) + seconds - before;
                }
            }
        }

        string PerImage(double seconds) => (seconds * 1000 / images).ToString("F1", CultureInfo.InvariantCulture);
        var tree = groups.Values.Sum();
        var busy = machine.Busy - _machineBefore.Busy;
        var idle = machine.Idle - _machineBefore.Idle;
        var lines = groups.OrderByDescending(g => g.Value)
            .Select(g => jit.GetValueOrDefault(g.Key) >= 0.0005 * images
                ? $"{g.Key} {PerImage(g.Value)} (tier-1 JIT {PerImage(jit[g.Key])})"
                : $"{g.Key} {PerImage(g.Value)}")
            .Append($"others {PerImage(Math.Max(0, busy - tree))}");
        var faultLines = faults.Where(f => f.Value >= images).OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value / images}");
        return new CpuReport(
               $"CPU ms per image: {string.Join(", ", lines)}; total {PerImage(busy)}; " +
               $"minor page faults per image: {string.Join(", ", faultLines)}; " +
               $"busy {(busy / window.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture)} cores, " +
               $"idle {(idle / window.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture)} cores",
            tree * 1000 / images);
    }

    private static Dictionary<(int, long), ProcessCpu> Sample()
    {
        var result = new Dictionary<(int, long), ProcessCpu>();
        var roots = new HashSet<int> { Environment.ProcessId };
        var parents = new Dictionary<int, int>();
        var stats = new Dictionary<int, (long Start, double Seconds, long Faults)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }

            parents[pid] = stat.Parent;
            stats[pid] = (stat.Start, stat.Seconds, stat.MinorFaults);
            if (IsOrchestratorOfThisProcess(pid))
            {
                roots.Add(pid);
            }
        }

        foreach (var (pid, (start, seconds, minorFaults)) in stats)
        {
            if (IsDescendant(pid, roots, parents))
            {
                result[(pid, start)] = new ProcessCpu(GroupOf(pid), seconds, minorFaults, TieredCompilationThreads(pid));
            }
        }

        return result;
    }

    /// <summary>CPU seconds of each live background tier-1 compilation thread of a .NET process, by thread id.</summary>
    private static Dictionary<int, double> TieredCompilationThreads(int pid)
    {
        var threads = new Dictionary<int, double>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "stat"));
                if (text.Contains("(.NET Tiered Com", StringComparison.Ordinal) && int.TryParse(Path.GetFileName(task), out var tid))
                {
                    threads[tid] = ParseStat(text).Seconds;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return threads;
    }

    /// <summary>
    /// DCP's API server detaches from the AppHost (its parent is init) and watches it through <c>--monitor PID</c>;
    /// every server and service of the topology descends from it.
    /// </summary>
    private static bool IsOrchestratorOfThisProcess(int pid) =>
        CommandLine(pid) is { } command && command.Contains("dcp start-apiserver", StringComparison.Ordinal)
        && command.Contains($"--monitor {Environment.ProcessId} ", StringComparison.Ordinal);

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsDescendant(int pid, HashSet<int> roots, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (roots.Contains(pid))
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
            return "bench+apphost (testing builder)";
        }

        if (CommandLine(pid) is not { } command)
        {
            return "other";
        }

        foreach (var (marker, group) in new[]
                 {
                     ("VisionAspire.Api", "api"), ("VisionAspire.Preprocessor", "preprocessor"),
                     ("VisionAspire.Workers.Gpu", "workers"), ("postgres", "postgres"), ("rabbit", "rabbitmq"),
                     ("beam", "rabbitmq"), ("epmd", "rabbitmq"), ("erl_child_setup", "rabbitmq"), ("inet_gethost", "rabbitmq"),
                     ("redis", "redis"), ("dotnet run ", "dotnet-run parents"), ("Aspire.Dashboard", "dashboard"),
                     ("/dcp ", "dcp"),
                 })
        {
            if (command.Contains(marker, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return "other";
    }

    private static (int Parent, long Start, double Seconds, long MinorFaults)? ReadStat(int pid)
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

    private static (int Parent, long Start, double Seconds, long MinorFaults) ParseStat(string text)
    {
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture),
            (utime + stime) / TicksPerSecond, long.Parse(fields[7], CultureInfo.InvariantCulture));
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
