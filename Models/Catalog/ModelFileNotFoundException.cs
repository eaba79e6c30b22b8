namespace VisionAspire.Models;

/// <summary>A catalogued model file is missing from the models folder.</summary>
public sealed class ModelFileNotFoundException(string modelId, string path, string sourceUrl)
    : FileNotFoundException(
        $"Model '{modelId}' not found: looked for '{path}' (models folder from {ModelStore.ModelsDirVariable}, else <repo>/.tools/models). " +
        $"Fetch it from {sourceUrl} into that path, or point {ModelStore.ModelsDirVariable} at a folder holding it.",
        path)
{
    public string ModelId { get; } = modelId;
    public string SourceUrl { get; } = sourceUrl;
}
