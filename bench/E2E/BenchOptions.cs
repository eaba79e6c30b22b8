using VisionAspire.TestSupport;

namespace VisionAspire.E2E;

/// <summary>Command line: [--count 200] [--concurrency 8] [--warmup 500] [--url http://api] [--images DIR] [--skip-ceiling] [--ceiling-only] [--census].</summary>
public sealed record BenchOptions(int Count, int Concurrency, int Warmup, Uri? ApiUrl, string ImagesDirectory, bool SkipCeiling, bool CeilingOnly, bool Census)
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
            args.Contains("--census"));
    }
}
