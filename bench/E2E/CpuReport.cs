namespace VisionAspire.E2E;

/// <summary>A <see cref="CpuCensus"/> report, and the CPU ms per image of the process tree alone (other users of the machine left out).</summary>
public sealed record CpuReport(string Text, double TreeMsPerImage)
{
    public override string ToString() => Text;
}
