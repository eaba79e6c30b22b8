using VisionAspire.Data;

namespace VisionAspire.Shared;

/// <summary>Marks the upload-job item of one image as finished (done or failed). Thread-safe.</summary>
public sealed class JobProgress(JobRepository jobs)
{
    /// <summary>
    /// Completes item <paramref name="itemIndex"/> of the job, or, when the message did not carry it (older
    /// producers, the Api's sweeper), the item the job's payload lists for <paramref name="imageId"/>.
    /// </summary>
    public async Task CompleteAsync(Guid jobId, int? itemIndex, Guid imageId, string? resultJson, string? error, CancellationToken ct)
    {
        var index = itemIndex ?? UploadJobPayload.IndexOf((await jobs.GetAsync(jobId, ct))?.PayloadJson, imageId);
        if (index is null)
        {
            return;   // the image was not uploaded by this job (or the job is gone): nothing to count
        }

        await jobs.CompleteItemAsync(jobId, index.Value, imageId, resultJson, error, ct);
    }
}
