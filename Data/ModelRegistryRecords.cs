namespace VisionAspire.Data;

/// <summary>Where a model version's file comes from: the catalog (models folder) or an upload (object store).</summary>
public static class ModelSources
{
    public const string Catalog = "catalog";
    public const string Upload = "upload";
}

/// <summary>A catalogued model version, as seeded at start-up.</summary>
public sealed record CatalogModelVersion(string ModelId, string Version, string Task, string Sha256, long SizeBytes, string SourceUrl);

/// <summary>An uploaded model version: its ONNX file and labels in the object store, its input spec as JSON.</summary>
public sealed record UploadedModelVersion(
    string ModelId, string Version, string Task, string Sha256, long SizeBytes,
    string StorageKey, string LabelsKey, string LabelsSha256, string InputSpecJson);

/// <summary>One registered version of a model; <see cref="Active"/> when it is the one the model serves.</summary>
public sealed record ModelVersionRecord(
    string ModelId,
    string Version,
    string Task,
    string Source,
    string Sha256,
    long? SizeBytes,
    string? SourceUrl,
    string? StorageKey,
    string? LabelsKey,
    string? LabelsSha256,
    string? InputSpecJson,
    DateTimeOffset CreatedAt,
    bool Active);

public enum ModelRegistration
{
    Registered,

    /// <summary>The model already has this version: a version names one file for good.</summary>
    VersionExists,

    /// <summary>The model id exists with another task.</summary>
    TaskMismatch,
}
