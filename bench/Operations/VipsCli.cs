using System.Diagnostics;

namespace VisionAspire.Operations.Bench;

/// <summary>
/// libvips' own CLI on the same file: <paramref name="concurrency"/> vipsthumbnail processes, each converting its
/// share of copies in one run (start-up spread over the copies), 720 px wide, JPEG Q=80.
/// </summary>
internal static class VipsCli
{
    public static double Measure(string source, string work, int concurrency, int total)
    {
        var perProcess = (int)Math.Ceiling(total / (double)concurrency);
        var batches = Enumerable.Range(0, concurrency).Select(p =>
        {
            var dir = Directory.CreateDirectory(Path.Combine(work, $"vips-{concurrency}-{p}")).FullName;
            return Enumerable.Range(0, perProcess).Select(i =>
            {
                var copy = Path.Combine(dir, $"copy{i:000}.jpg");
                File.Copy(source, copy, overwrite: true);
                return copy;
            }).ToArray();
        }).ToArray();

        Run(batches[0][..1]);
        var watch = Stopwatch.StartNew();
        Task.WaitAll(batches.Select(batch => Task.Run(() => Run(batch))).ToArray());
        return perProcess * concurrency / watch.Elapsed.TotalSeconds;
    }

    private static void Run(string[] files)
    {
        var info = new ProcessStartInfo("vipsthumbnail") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        foreach (var arg in new[] { "--size", "720x", "-o", "%s_720.jpg[Q=80,strip]" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vipsthumbnail failed ({process.ExitCode}): {errors}");
        }
    }
}
