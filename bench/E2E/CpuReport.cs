namespace VisionAspire.E2E;

/// <summary>What <see cref="CpuCensus"/> measured: CPU milliseconds per image by process group, and the machine's.</summary>
public sealed record CpuReport(IReadOnlyDictionary<string, double> MsPerImage, double MachineMsPerImage, string Text)
{
    /// <summary>CPU ms per image of the bench's process tree alone (other users of the machine left out).</summary>
    public double TreeMsPerImage => MsPerImage.Values.Sum();

    public override string ToString() => Text;
}
