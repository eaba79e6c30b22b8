namespace VisionAspire.Data;

/// <summary>
/// Job lifecycle: pending (created) → running (first item in) → completed, or failed when every item failed.
/// Callers may record other statuses with <see cref="JobRepository.AddEventAsync"/>.
/// </summary>
public static class JobStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public static class JobItemStatus
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
