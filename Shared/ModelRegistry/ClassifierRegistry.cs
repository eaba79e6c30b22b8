using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Storage;

namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// The classifiers this process serves, by model id: each loads its active version (the catalogued SqueezeNet from the
/// models folder, an uploaded model from the object store) on first use, and <see cref="RefreshAsync"/> swaps in a newly
/// activated version without a restart: loaded first, then installed atomically, the replaced one disposed when its
/// last run ends (<see cref="ModelSlot{T}"/>). Thread-safe singleton.
/// </summary>
public sealed class ClassifierRegistry(ModelStore store, ModelRegistryRepository registry, IObjectStore objects, ILogger<ClassifierRegistry> logger)
    : IClassifierSource, ILiveModels, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelSlot<IImageClassifier>>>> _slots = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _swapping = new(1, 1);

    /// <summary>Leases the active version of <paramref name="modelId"/>, loading it on first use.</summary>
    /// <exception cref="UnknownModelException">No classifier has that id.</exception>
    /// <exception cref="ModelVersionUnavailableException">Its active version cannot be loaded here.</exception>
    public async Task<ModelLease<IImageClassifier>> AcquireAsync(string modelId, CancellationToken ct) =>
        (await SlotAsync(modelId).WaitAsync(ct)).Acquire();

    /// <summary>
    /// Leases the active version of a model already loaded here (by <see cref="AcquireAsync"/>: a loaded model stays
    /// loaded), without I/O, for callers that cannot await.
    /// </summary>
    public ModelLease<IImageClassifier> AcquireLoaded(string modelId) =>
        _slots.TryGetValue(modelId, out var slot) && slot.IsValueCreated && slot.Value.IsCompletedSuccessfully
            ? slot.Value.Result.Acquire()
            : throw new InvalidOperationException($"Model '{modelId}' is not loaded here; AcquireAsync loads it.");

    /// <summary>The version this process serves now, or null when the model is not loaded here.</summary>
    public string? LoadedVersion(string modelId) =>
        _slots.TryGetValue(modelId, out var slot) && slot.IsValueCreated && slot.Value.IsCompletedSuccessfully
            ? slot.Value.Result.Current.ModelVersion
            : null;

    /// <summary>Swaps in the model's active version when it differs from the loaded one (nothing to do when not loaded).</summary>
    public async Task RefreshAsync(string modelId, CancellationToken ct)
    {
        if (!_slots.TryGetValue(modelId, out var loading) || !loading.IsValueCreated || !loading.Value.IsCompletedSuccessfully)
        {
            return;
        }
        var slot = loading.Value.Result;
        await _swapping.WaitAsync(ct);
        try
        {
            var active = await registry.ActiveAsync(modelId, ct);
            var loaded = slot.Current.ModelVersion;
            if (active is null || active.Version == loaded)
            {
                return;
            }
            slot.Swap(await LoadAsync(active, ct));
            logger.LogInformation("Model {ModelId}: switched from version {Old} to {New}", modelId, loaded, active.Version);
        }
        finally
        {
            _swapping.Release();
        }
    }

    /// <summary>Refreshes every loaded model; one that fails to load keeps its current version (logged).</summary>
    public async Task RefreshAllAsync(CancellationToken ct)
    {
        foreach (var modelId in _slots.Keys)
        {
            try
            {
                await RefreshAsync(modelId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Model {ModelId}: switching to its active version failed; still serving the loaded one", modelId);
            }
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            slot.Value.Result.Dispose();
        }
        _swapping.Dispose();
    }

    private async Task<ModelSlot<IImageClassifier>> SlotAsync(string modelId)
    {
        var loading = _slots.GetOrAdd(modelId, id => new Lazy<Task<ModelSlot<IImageClassifier>>>(() => LoadSlotAsync(id)));
        try
        {
            return await loading.Value;
        }
        catch
        {
            // Not kept: the model may be uploaded, or its file fixed, before the next call.
            _slots.TryRemove(KeyValuePair.Create(modelId, loading));
            throw;
        }
    }

    private async Task<ModelSlot<IImageClassifier>> LoadSlotAsync(string modelId)
    {
        var active = await registry.ActiveAsync(modelId, CancellationToken.None)
            ?? throw new UnknownModelException(modelId, "is not registered (GET /api/v1/models lists the models)");
        return new ModelSlot<IImageClassifier>(await LoadAsync(active, CancellationToken.None));
    }

    private async Task<IImageClassifier> LoadAsync(ModelVersionRecord version, CancellationToken ct)
    {
        if (version.Task != ModelTasks.ImageClassification)
        {
            throw new UnknownModelException(version.ModelId, $"is a {version.Task} model, not an image classifier");
        }
        return version.Source == ModelSources.Upload
            ? await LoadUploadedAsync(version, ct)
            : LoadCatalogued(version);
    }

    private IImageClassifier LoadCatalogued(ModelVersionRecord version)
    {
        var entry = store.Catalog.Models.FirstOrDefault(m => m.Id == version.ModelId);
        if (entry is null || entry.Version != version.Version)
        {
            throw new ModelVersionUnavailableException(
                $"Model '{version.ModelId}' version {version.Version} is active but this build's catalog has " +
                $"{(entry is null ? "no such model" : $"version {entry.Version}")}; activate a version it has.");
        }
        return PipelineMetrics.LoadModel(entry.Id, () => new ImageClassifier(store, entry.Id));
    }

    private async Task<IImageClassifier> LoadUploadedAsync(ModelVersionRecord version, CancellationToken ct)
    {
        var onnx = await ReadVerifiedAsync(version.StorageKey!, version.Sha256, ct);
        var labels = ClassifierLabels.Parse(await ReadVerifiedAsync(version.LabelsKey!, version.LabelsSha256!, ct));
        var spec = ClassifierInputSpec.Parse(version.InputSpecJson!);
        return PipelineMetrics.LoadModel(version.ModelId,
            () => CustomImageClassifier.Load(store, version.ModelId, version.Version, onnx, labels, spec));
    }

    private async Task<byte[]> ReadVerifiedAsync(string key, string sha256, CancellationToken ct)
    {
        var stored = await objects.GetAsync(key, ct)
            ?? throw new ModelVersionUnavailableException($"The object store has no '{key}'.");
        var actual = Convert.ToHexStringLower(SHA256.HashData(stored.Data));
        return string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase)
            ? stored.Data
            : throw new ModelVersionUnavailableException($"'{key}' has sha256 {actual}, not the registered {sha256}.");
    }
}
