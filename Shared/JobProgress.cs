using VisionAspire.Data;

namespace VisionAspire.Shared;

/// <summary>Marks the upload-job item of one image as finished (done or failed). Thread-safe.</summary>
public sealed class JobProgress(JobRepository jobs)
{
    public async Task CompleteAsync(Guid jobId, Guid imageId, string? resultJson, string? error, CancellationToken ct)
    {
        var job = await jobs.GetAsync(jobId, ct);
        var index = UploadJobPayload.IndexOf(job?.PayloadJson, imageId);
        if (index is null)
        {
            return;   // the image was not uploaded by this job (or the job is gone): nothing to count
        }

        await jobs.CompleteItemAsync(jobId, index.Value, imageId, resultJson, error, ct);
    }
}
