namespace VisionAspire.Shared.ModelRegistry;

/// <summary>No registered model has this id, or it is not a model the caller can run for this task.</summary>
public sealed class UnknownModelException(string modelId, string reason) : Exception($"Model '{modelId}' {reason}.")
{
    public string ModelId { get; } = modelId;
}
