using System.Text.Json;

namespace VisionAspire.Models;

/// <summary>The list of known models (Models/catalog.json). Immutable and thread-safe.</summary>
public sealed class ModelCatalog
{
    public const string FileName = "catalog.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, ModelEntry> _byId;

    public ModelCatalog(IReadOnlyList<ModelEntry> models)
    {
        Models = models;
        _byId = models.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModelEntry> Models { get; }

    /// <summary>The catalog copied next to the binaries, else the one in the repository's Models folder.</summary>
    public static ModelCatalog LoadDefault()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        var path = File.Exists(beside) ? beside : RepositoryLayout.UnderRoot("Models", FileName);
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"Model catalog not found next to the binaries ({beside}) nor in <repo>/Models/{FileName}.", beside);
        }
        return Load(path);
    }

    public static ModelCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<CatalogDocument>(stream, Json)
            ?? throw new InvalidDataException($"Model catalog '{path}' is empty.");
        return new ModelCatalog(document.Models);
    }

    public ModelEntry Get(string id) =>
        _byId.TryGetValue(id, out var entry)
            ? entry
            : throw new KeyNotFoundException($"Unknown model '{id}'. Known models: {string.Join(", ", _byId.Keys)}.");

    private sealed record CatalogDocument(int SchemaVersion, List<ModelEntry> Models);
}
