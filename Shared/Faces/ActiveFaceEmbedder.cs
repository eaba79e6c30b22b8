using Microsoft.Extensions.Logging;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Shared.ModelRegistry;

namespace VisionAspire.Shared.Faces;

/// <summary>
/// The face embedder at the registry's active version of <see cref="FaceEmbedder.DefaultModelId"/>, loaded on first use
/// and switched live on an activation (<see cref="ModelSlot{T}"/>: a run in flight keeps the version it started with).
/// Every embedding records the version that made it, and identification compares only embeddings of one version, so
/// a switch never mixes models; the re-embedding job moves the enrolled faces over. A version serves when it names the
/// catalogued file (same sha256), under any version name. Thread-safe singleton.
/// </summary>
public sealed class ActiveFaceEmbedder(ModelStore store, ModelRegistryRepository registry, ILogger<ActiveFaceEmbedder> logger)
    : ILiveModels, IDisposable
{
    public const string ModelId = FaceEmbedder.DefaultModelId;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private ModelSlot<FaceEmbedder>? _slot;

    /// <summary>Leases the embedder, loading the active version on first use.</summary>
    /// <exception cref="ModelVersionUnavailableException">The active version is not a file this build has.</exception>
    public async Task<ModelLease<FaceEmbedder>> AcquireAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _slot) is { } loaded)
        {
            return loaded.Acquire();
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_slot is null)
            {
                var active = await registry.ActiveAsync(ModelId, ct);
                // Before the registry is seeded (a fresh database) the catalog's version is the one it will activate.
                Volatile.Write(ref _slot, new ModelSlot<FaceEmbedder>(active is null ? Load(null) : Load(active)));
            }
            return _slot!.Acquire();
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Leases the embedder already loaded (by <see cref="AcquireAsync"/>), without I/O.</summary>
    public ModelLease<FaceEmbedder> AcquireLoaded() =>
        (Volatile.Read(ref _slot) ?? throw new InvalidOperationException("The face embedder is not loaded here; AcquireAsync loads it.")).Acquire();

    public async Task RefreshAsync(string modelId, CancellationToken ct)
    {
        if (modelId != ModelId || Volatile.Read(ref _slot) is null)
        {
            return;
        }
        await _loading.WaitAsync(ct);
        try
        {
            var slot = _slot!;
            var active = await registry.ActiveAsync(ModelId, ct);
            var loaded = slot.Current.Model.Version;
            if (active is null || active.Version == loaded)
            {
                return;
            }
            slot.Swap(Load(active));
            logger.LogInformation("Model {ModelId}: switched from version {Old} to {New}", ModelId, loaded, active.Version);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task RefreshAllAsync(CancellationToken ct)
    {
        try
        {
            await RefreshAsync(ModelId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Model {ModelId}: switching to its active version failed; still serving the loaded one", ModelId);
        }
    }

    public void Dispose()
    {
        _slot?.Dispose();
        _loading.Dispose();
    }

    private FaceEmbedder Load(ModelVersionRecord? version)
    {
        var entry = store.Entry(ModelId);
        if (version is not null && !string.Equals(version.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelVersionUnavailableException(
                $"Model '{ModelId}' version {version.Version} is active but is not this build's file (sha256 {version.Sha256}, not {entry.Sha256}); " +
                "activate a version of the catalogued file.");
        }
        var registered = version is null || version.Version == entry.Version ? null : version.Version;
        return PipelineMetrics.LoadModel(ModelId, () => new FaceEmbedder(store, ModelId, registered));
    }
}
