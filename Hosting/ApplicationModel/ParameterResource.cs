namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>
/// A deployment parameter (parameter.v0). In run mode its value is generated once and kept in the state folder
/// unless configuration "Parameters:name" gives one.
/// </summary>
public sealed class ParameterResource(string name, bool secret, string? defaultValue) : IResource
{
    public string Name { get; } = name;

    public bool Secret { get; } = secret;

    /// <summary>A fixed default; when null the value is generated (22 letters and digits).</summary>
    public string? DefaultValue { get; } = defaultValue;

    public string ValueExpression => $"{{{Name}.value}}";
}
