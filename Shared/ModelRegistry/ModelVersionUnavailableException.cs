namespace VisionAspire.Shared.ModelRegistry;

/// <summary>The active version of a model cannot be loaded here (its file is missing or fails its checksum).</summary>
public sealed class ModelVersionUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
