using System.Security.Cryptography;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Shared.ModelRegistry;
using VisionAspire.Storage;

namespace VisionAspire.Api.Models;

/// <summary>
/// Registers an uploaded classifier: validated by loading it and running a test tensor (a
/// <see cref="ModelValidationException"/> names what is wrong), its files stored in the object store under keys that
/// contain their sha256 (so a racing upload of the same version cannot replace the registered file), then its row.
/// </summary>
public sealed class ModelUploader(ModelStore store, IObjectStore objects, ModelRegistryRepository registry)
{
    public async Task<(ModelRegistration Outcome, string Version)> RegisterAsync(ModelUploadForm form, CancellationToken ct)
    {
        var spec = ClassifierInputSpec.Parse(form.SpecJson);
        var labels = ClassifierLabels.Parse(form.Labels);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(form.Onnx));
        var version = form.Version ?? $"sha-{sha256[..12]}";
        if ((await registry.VersionsAsync(form.ModelId, ct)).Any(v => v.Version == version))
        {
            return (ModelRegistration.VersionExists, version);
        }

        // Session creation and the test run are CPU work; the classifier is only a check here, the replicas load their own.
        await Task.Run(() => CustomImageClassifier.Load(store, form.ModelId, version, form.Onnx, labels, spec).Dispose(), ct);

        var labelsSha256 = Convert.ToHexStringLower(SHA256.HashData(form.Labels));
        var modelKey = ModelUploadKeys.Model(form.ModelId, sha256);
        var labelsKey = ModelUploadKeys.Labels(form.ModelId, labelsSha256);
        await objects.PutAsync(modelKey, form.Onnx, "application/octet-stream", ct);
        await objects.PutAsync(labelsKey, form.Labels, "text/plain; charset=utf-8", ct);
        var outcome = await registry.RegisterUploadAsync(new UploadedModelVersion(
            form.ModelId, version, ModelTasks.ImageClassification, sha256, form.Onnx.LongLength,
            modelKey, labelsKey, labelsSha256, spec.ToJson()), ct);
        return (outcome, version);
    }
}
