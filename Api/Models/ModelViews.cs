using VisionAspire.Data;
using VisionAspire.Models.Registry;

namespace VisionAspire.Api.Models;

/// <summary>Registry rows as API responses.</summary>
public static class ModelViews
{
    /// <summary>One response per model, from its version rows.</summary>
    public static IReadOnlyList<RegisteredModelResponse> Of(IEnumerable<ModelVersionRecord> versions) =>
        [.. versions.GroupBy(v => v.ModelId).Select(Model)];

    private static RegisteredModelResponse Model(IGrouping<string, ModelVersionRecord> versions)
    {
        var active = versions.FirstOrDefault(v => v.Active);
        return new RegisteredModelResponse(versions.Key, versions.First().Task, active?.Version, active?.Sha256, active?.Source,
            [.. versions.Select(Version)]);
    }

    private static ModelVersionResponse Version(ModelVersionRecord v) => new(
        v.Version, v.Sha256, v.Source, v.SourceUrl, v.SizeBytes, v.CreatedAt, v.Active,
        v.InputSpecJson is null ? null : ClassifierInputSpec.Parse(v.InputSpecJson));
}
