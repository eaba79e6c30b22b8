namespace VisionAspire.Operations;

/// <summary>Limits checked before heavy work, bound from the "Vision:Operations" configuration section (Api and workers).</summary>
public sealed class OperationLimits
{
    public const string Section = "Vision:Operations";

    /// <summary>Largest input width × height, read from the header before any pixel is decoded.</summary>
    public long MaxInputPixels { get; set; } = 50_000_000;

    /// <summary>Largest width or height an operation may produce (resize boxes, crop sizes).</summary>
    public int MaxOutputDimension { get; set; } = 8192;

    /// <summary>Most operations in one pipeline.</summary>
    public int MaxOperationsPerPipeline { get; set; } = 10;

    /// <summary>Most images in one batch.</summary>
    public int MaxBatchImages { get; set; } = 100;

    /// <summary>Wall-clock limit of one processing run (waiting for a free slot included).</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Processing runs at once per process; more wait (within the timeout). libvips parallelises each run itself.</summary>
    public int MaxConcurrentOperations { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>image-info analyses a copy at most this many pixels on its longer side, so figures are comparable and cheap.</summary>
    public int AnalysisSize { get; set; } = 1024;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
