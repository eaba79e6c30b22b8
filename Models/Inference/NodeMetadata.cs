namespace VisionAspire.Models;

/// <summary>A model input or output as the session reports it. Dynamic dimensions are -1.</summary>
public sealed record NodeMetadata(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape);
