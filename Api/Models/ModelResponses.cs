using VisionAspire.Models.Registry;

namespace VisionAspire.Api.Models;

/// <summary>One version of a model. <see cref="Input"/>: an uploaded classifier's input spec (null for catalogued ones).</summary>
public sealed record ModelVersionResponse(
    string Version, string Sha256, string Source, string? SourceUrl, long? SizeBytes, DateTimeOffset CreatedAt, bool Active,
    ClassifierInputSpec? Input);

/// <summary>A registered model: its task, the version it serves (with that version's sha256 and source) and every version.</summary>
public sealed record RegisteredModelResponse(
    string Id, string Task, string? ActiveVersion, string? Sha256, string? Source, IReadOnlyList<ModelVersionResponse> Versions);

public sealed record ModelListResponse(IReadOnlyList<RegisteredModelResponse> Models);
