using System.Globalization;
using VisionAspire.TestSupport;

namespace VisionAspire.E2E;

/// <summary>Command line: [--count 200] [--concurrency 8] [--warmup 500] [--url http://api] [--images DIR] [--skip-ceiling] [--ceiling-only] [--census]
/// [--service-env NAME=VALUE]... (set on every service of the topology the bench starts, for A/B runs)
/// [--rate 20 --duration 60] (then an open-loop run at that offered load) [--fault NAME] (injected into the open-loop
/// run a third of the way in; <see cref="FaultInjector.Names"/>)
/// [--tasks objects,blur [--rounds 2]] (uploads with these tasks= measured against uploads without, alternating, in the same run).</summary>
public sealed record BenchOptions(
    int Count, int Concurrency, int Warmup, Uri? ApiUrl, string ImagesDirectory, bool SkipCeiling, bool CeilingOnly, bool Census,
    IReadOnlyList<KeyValuePair<string, string>> ServiceEnvironment, double? Rate, double Duration, string? Fault, string? Tasks, int Rounds)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new BenchOptions(
            int.Parse(Value("--count") ?? "200"),
            int.Parse(Value("--concurrency") ?? "8"),
            int.Parse(Value("--warmup") ?? "500"),
            Value("--url") is { } url ? new Uri(url) : null,
            Value("--images") ?? SharedImages.Directory,
            args.Contains("--skip-ceiling"),
            args.Contains("--ceiling-only"),
            args.Contains("--census"),
            ServiceEnvironmentOf(args),
            Value("--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            double.Parse(Value("--duration") ?? "60", CultureInfo.InvariantCulture),
            Value("--fault"),
            Value("--tasks"),
            int.Parse(Value("--rounds") ?? "2"));
    }

    private static List<KeyValuePair<string, string>> ServiceEnvironmentOf(string[] args)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--service-env")
            {
                var parts = args[i + 1].Split('=', 2);
                pairs.Add(new(parts[0], parts.Length == 2 ? parts[1] : ""));
            }
        }

        return pairs;
    }
}
