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
        if (await ResolveItemAsync(jobId, itemIndex, imageId, ct) is not { } item)
        {
            return;   // the image was not uploaded by this job (or the job is gone): nothing to count
        }

        await jobs.CompleteItemAsync(item.JobId, item.Index, imageId, resultJson, error, ct);
    }

    /// <summary>
    /// The job item that counts <paramref name="imageId"/>: <paramref name="itemIndex"/> when the message carried
    /// it (no database work), else the one the job's payload lists (one read); null when the job does not list it.
    /// </summary>
    public async Task<JobItemKey?> ResolveItemAsync(Guid jobId, int? itemIndex, Guid imageId, CancellationToken ct)
    {
        var index = itemIndex ?? UploadJobPayload.IndexOf((await jobs.GetAsync(jobId, OwnerScope.Everyone, ct))?.PayloadJson, imageId);
        return index is null ? null : new JobItemKey(jobId, index.Value);
    }
}
