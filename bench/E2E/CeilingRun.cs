using System.Diagnostics;

namespace VisionAspire.E2E;

/// <summary>
/// The in-process ceiling: every upload through <see cref="InProcessPipeline"/>, one worker per core, after the
/// same warm-up the end-to-end run gets (sessions loaded, code at its optimised tier).
/// </summary>
public static class CeilingRun
{
    public static (double ImagesPerSecond, CpuReport Cpu) Run(IReadOnlyList<(string Name, byte[] Data)> warmup, IReadOnlyList<(string Name, byte[] Data)> workload)
    {
        using var pipeline = new InProcessPipeline();
        RunAll(pipeline, warmup.Count > 0 ? warmup : workload.Take(1).ToList());

        Console.WriteLine("ceiling warm-up done; measuring");
        var cpu = CpuCensus.Start();
        var clock = Stopwatch.StartNew();
        RunAll(pipeline, workload);
        var elapsed = clock.Elapsed;
        var report = cpu.Report(workload.Count, elapsed);
        Console.WriteLine($"ceiling {report}");
        return (workload.Count / elapsed.TotalSeconds, report);
    }

    private static void RunAll(InProcessPipeline pipeline, IReadOnlyList<(string Name, byte[] Data)> images) =>
        Parallel.ForEach(images, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item => pipeline.Run(item.Data));
}
