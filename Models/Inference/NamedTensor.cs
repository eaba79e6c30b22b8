namespace VisionAspire.Models;

/// <summary>A tensor bound to a model input or output name.</summary>
public readonly record struct NamedTensor(string Name, Tensor Value);
