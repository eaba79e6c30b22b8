namespace VisionAspire.Models.Registry;

/// <summary>An uploaded model, its labels or its input spec cannot be used; the message names the problem.</summary>
public sealed class ModelValidationException(string message, Exception? inner = null) : Exception(message, inner);
