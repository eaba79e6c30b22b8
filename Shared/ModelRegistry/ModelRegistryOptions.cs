namespace VisionAspire.Shared.ModelRegistry;

/// <summary>Bound from "Vision:Models".</summary>
public sealed class ModelRegistryOptions
{
    public const string Section = "Vision:Models";

    /// <summary>How often a replica checks Postgres for activations it may have missed (Redis unreachable).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);
}
