namespace VisionAspire.Shared;

/// <summary>Bound from "Vision:Compute".</summary>
public sealed class ComputeOptions
{
    public const string Section = "Vision:Compute";

    /// <summary>
    /// CPU-heavy sections this process runs at once (<see cref="ComputeGate"/>); 0 = half the cores, at least 1,
    /// because the Preprocessor and every worker replica share the machine's cores.
    /// </summary>
    public int Slots { get; set; }

    public int EffectiveSlots => Slots > 0 ? Slots : Math.Max(1, Environment.ProcessorCount / 2);
}
