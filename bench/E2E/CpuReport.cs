namespace VisionAspire.E2E;

/// <summary>What <see cref="CpuCensus"/> measured: CPU milliseconds per image by process group, and the machine's.</summary>
public sealed record CpuReport(IReadOnlyDictionary<string, double> MsPerImage, double MachineMsPerImage, string Text)
{
    public override string ToString() => Text;
}
