namespace VisionAspire.Api.Models;

/// <summary>Limits of POST /api/v1/models, bound from "Vision:ModelUpload".</summary>
public sealed class ModelUploadOptions
{
    public const string Section = "Vision:ModelUpload";

    /// <summary>
    /// Largest accepted request body (model, labels and spec together), in bytes. Default 40 MiB. The server-wide body
    /// limit (Vision:Upload:MaxBytes, 50 MB) still applies, so raise that too for larger models.
    /// </summary>
    public long MaxBytes { get; set; } = 40L * 1024 * 1024;
}
