namespace VisionAspire.Operations;

/// <summary>A request parameter is missing, unknown or out of range; <see cref="Field"/> names it (e.g. "sigma", "operations[1].params.width").</summary>
public sealed class ParameterException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
