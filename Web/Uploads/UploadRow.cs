using VisionAspire.Contracts;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Uploads;

/// <summary>One chosen file on the upload page: its transfer, then its image's live status.</summary>
public sealed class UploadRow(string fileName, long sizeBytes)
{
    public string FileName { get; } = fileName;

    public long SizeBytes { get; } = sizeBytes;

    public long SentBytes { get; set; }

    public Guid? ImageId { get; set; }

    public Guid? JobId { get; set; }

    public bool Duplicate { get; set; }

    /// <summary>"waiting" and "sending" before the Api has the file, then the image's status.</summary>
    public string Status { get; set; } = Waiting;

    public string? Error { get; set; }

    public const string Waiting = "waiting";
    public const string Sending = "sending";
    public const string Rejected = "rejected";

    public int PercentSent => SizeBytes == 0 ? 100 : (int)(100 * SentBytes / SizeBytes);

    public bool IsLive => ImageId is not null && Status is not (ImageStatus.Completed or ImageStatus.Failed);

    public void Apply(ImageStatusEvent status)
    {
        Status = status.Status;
        Error = status.Error;
    }
}
