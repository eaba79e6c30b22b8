using VisionAspire.Models;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// A pipeline that chains several models in one call (OCR, plates), recorded as one model: the ids and the versions
/// each joined with '+', as the Api's AI endpoints record them.
/// </summary>
public sealed record ModelChain(string Id, string Version)
{
    public static ModelChain Of(ModelStore store, IReadOnlyList<string> modelIds) => new(
        string.Join('+', modelIds),
        string.Join('+', modelIds.Select(id => store.Entry(id).Version)));
}
