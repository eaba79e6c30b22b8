using Microsoft.Extensions.Options;
using VisionAspire.Data;
using VisionAspire.Shared;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Moves the enrolled faces to the active face-embedding model: every <see cref="RecognizeOptions.ReembedInterval"/>
/// it switches this replica's embedder to the registry's active version if an activation notice was missed, then embeds
/// the stored aligned crop of every face of another version again (a batch per transaction, on the compute gate) until
/// none is left. Until a face is moved it is simply not compared (identification reads one version), never compared
/// across models. Every replica runs it; a face two replicas embed at once is written once.
/// </summary>
public sealed class FaceReembeddingJob(
    ActiveFaceEmbedder embedders,
    ModelRegistryRepository registry,
    FaceReembeddingRepository faces,
    ComputeGate compute,
    IOptions<RecognizeOptions> options,
    ILogger<FaceReembeddingJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReembedInterval);
        try
        {
            do
            {
                try
                {
                    await ReembedAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Re-embedding enrolled faces failed; trying again in {Interval}", options.Value.ReembedInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Re-embeds every face of another version than the active one; returns how many this replica wrote.</summary>
    private async Task<int> ReembedAsync(CancellationToken ct)
    {
        if (await registry.ActiveAsync(ActiveFaceEmbedder.ModelId, ct) is not { } active)
        {
            return 0; // not seeded yet
        }
        using (await embedders.AcquireAsync(ct))
        {
        }
        await embedders.RefreshAsync(ActiveFaceEmbedder.ModelId, ct);
        using var embedder = embedders.AcquireLoaded();
        var model = embedder.Model.Model;
        if (model.Version != active.Version)
        {
            return 0; // activated again meanwhile: the next round embeds with that one
        }

        var written = 0;
        while (true)
        {
            var stale = await faces.StaleAsync(model.Id, model.Version, options.Value.ReembedBatchSize, ct);
            if (stale.Count == 0)
            {
                break;
            }
            var embedded = await compute.RunAsync(
                () => stale.Select(face => new ReembeddedFace(face, WorkerTelemetry.RunModel(model, () => embedder.Model.EmbedAligned(face.AlignedFace), out _))).ToList(),
                ct);
            var replaced = await faces.ReplaceAsync(embedded, model.Id, model.Version, ct);
            written += replaced;
            if (replaced == 0)
            {
                break; // another replica is moving these faces (or to another version): the next round looks again
            }
        }
        if (written > 0)
        {
            var left = await faces.UnconvertibleAsync(model.Id, model.Version, ct);
            logger.LogInformation("Re-embedded {Count} enrolled face(s) with {ModelId} {Version}; {Left} face(s) without a stored crop stay on their model",
                written, model.Id, model.Version, left);
        }
        return written;
    }
}
