using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace VisionAspire.Models;

/// <summary>
/// Opens catalogued models from a models folder, verifying each file's sha256 the first time it is used
/// (and again if its size or modification time changes). Thread-safe.
/// </summary>
public sealed class ModelStore
{
    public const string ModelsDirVariable = "VISION_MODELS_DIR";

    private readonly ConcurrentDictionary<string, FileStamp> _verified = new(StringComparer.Ordinal);
    private readonly SessionFactory _sessions;

    public ModelStore(ModelCatalog catalog, string modelsDir, InferenceOptions options)
    {
        Catalog = catalog;
        ModelsDirectory = modelsDir;
        Options = options;
        _sessions = new SessionFactory(options);
    }

    public ModelCatalog Catalog { get; }
    public string ModelsDirectory { get; }
    public InferenceOptions Options { get; }

    /// <summary>The provider the next session gets: CUDA while asked for (or available) and not failed, else CPU.</summary>
    public ExecutionProvider Provider => _sessions.Provider;

    /// <summary>The default catalog with models from VISION_MODELS_DIR, else &lt;repo&gt;/.tools/models.</summary>
    public static ModelStore CreateDefault(InferenceOptions? options = null) =>
        new(ModelCatalog.LoadDefault(), DefaultModelsDirectory(), options ?? InferenceOptions.Default);

    public static string DefaultModelsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(ModelsDirVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        return RepositoryLayout.UnderRoot(".tools", "models")
            ?? Path.Combine(AppContext.BaseDirectory, ".tools", "models");
    }

    public ModelEntry Entry(string modelId) => Catalog.Get(modelId);

    /// <summary>Verifies and loads a model. Throws <see cref="ModelFileNotFoundException"/> or <see cref="ModelIntegrityException"/>.</summary>
    public InferenceSession Open(string modelId)
    {
        var entry = Catalog.Get(modelId);
        var path = Path.Combine(ModelsDirectory, entry.File);
        Verify(entry.Id, path, entry.Sha256, entry.SourceUrl);
        return _sessions.Open(path);
    }

    /// <summary>
    /// A session over a model that is not in the catalog (an uploaded one, held in memory), with this store's provider
    /// and threads. Its integrity is the caller's to check.
    /// </summary>
    public InferenceSession Open(byte[] model) => _sessions.Open(model);

    /// <summary>The verified labels of a model (line k = class k); empty when the model has none.</summary>
    /// <param name="trim">Trim each line; off where whitespace is a label (the OCR dictionary has an ideographic space).</param>
    public IReadOnlyList<string> Labels(string modelId, bool trim = true)
    {
        var entry = Catalog.Get(modelId);
        if (entry.Labels is null)
        {
            return [];
        }
        var path = Path.Combine(ModelsDirectory, entry.Labels.File);
        Verify(entry.Id, path, entry.Labels.Sha256, entry.Labels.SourceUrl);
        var lines = File.ReadAllLines(path);
        return trim ? lines.Select(line => line.Trim()).ToArray() : lines;
    }

    private void Verify(string modelId, string path, string expectedSha256, string sourceUrl)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ModelFileNotFoundException(modelId, Path.GetFullPath(path), sourceUrl);
        }
        var stamp = new FileStamp(info.Length, info.LastWriteTimeUtc);
        var key = Path.GetFullPath(path);
        if (_verified.TryGetValue(key, out var known) && known == stamp)
        {
            return;
        }

        using var stream = info.OpenRead();
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelIntegrityException(key, expectedSha256, actual);
        }
        _verified[key] = stamp;
    }

    private readonly record struct FileStamp(long Length, DateTime LastWriteUtc);
}
