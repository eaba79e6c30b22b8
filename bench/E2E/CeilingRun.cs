using System.Diagnostics;

namespace VisionAspire.E2E;

/// <summary>The in-process ceiling: every upload through <see cref="InProcessPipeline"/>, one worker per core.</summary>
public static class CeilingRun
{
    public static double ImagesPerSecond(IReadOnlyList<(string Name, byte[] Data)> workload)
    {
        using var pipeline = new InProcessPipeline();
        pipeline.Run(workload[0].Data);   // load sessions and JIT outside the clock

        var clock = Stopwatch.StartNew();
        Parallel.ForEach(workload, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item => pipeline.Run(item.Data));
        return workload.Count / clock.Elapsed.TotalSeconds;
    }
}
