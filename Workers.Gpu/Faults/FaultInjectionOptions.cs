namespace VisionAspire.Workers.Gpu.Faults;

/// <summary>
/// Bound from "Vision:Faults": a fault-injection hook for the fault-tolerance tests, off unless set. Never set it in
/// a deployment.
/// </summary>
public sealed class FaultInjectionOptions
{
    public const string Section = "Vision:Faults";

    /// <summary>
    /// SHA-256 (lower-case hex) of an image whose inference kills the worker process (Environment.FailFast), every
    /// time: the poison message the quorum queues' delivery limit must stop. Null: no fault.
    /// </summary>
    public string? CrashOnImageSha256 { get; set; }
}
