using System.Globalization;

namespace VisionAspire.Operations;

public enum ParameterType
{
    Integer,
    Number,
    Boolean,
    String,
}

/// <summary>
/// One operation parameter: its type, range and meaning. The same description validates requests
/// (<see cref="OperationArguments"/>) and documents them in the OpenAPI document.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParameterType Type,
    string Description,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Allowed = null,
    string? Default = null,
    bool ExclusiveMinimum = false)
{
    public static ParameterSpec Integer(string name, int min, int max, string description, int? @default = null) =>
        new(name, ParameterType.Integer, description, min, max, Default: @default?.ToString(CultureInfo.InvariantCulture));

    public static ParameterSpec Number(string name, double min, double max, string description, double? @default = null, bool exclusiveMinimum = false) =>
        new(name, ParameterType.Number, description, min, max, Default: @default?.ToString(CultureInfo.InvariantCulture), ExclusiveMinimum: exclusiveMinimum);

    public static ParameterSpec Boolean(string name, string description, bool @default) =>
        new(name, ParameterType.Boolean, description, Default: @default ? "true" : "false");

    public static ParameterSpec Choice(string name, IReadOnlyList<string> allowed, string description, string? @default = null) =>
        new(name, ParameterType.String, description, Allowed: allowed, Default: @default);

    public static ParameterSpec Text(string name, string description, string? @default = null) =>
        new(name, ParameterType.String, description, Default: @default);

    /// <summary>The accepted values in words, for error messages: "an integer from 1 to 8192", "one of fit, fill".</summary>
    public string Range => Type switch
    {
        ParameterType.Integer => $"an integer from {Format(Minimum)} to {Format(Maximum)}",
        ParameterType.Number when ExclusiveMinimum => $"a number greater than {Format(Minimum)} and at most {Format(Maximum)}",
        ParameterType.Number => $"a number from {Format(Minimum)} to {Format(Maximum)}",
        ParameterType.Boolean => "true or false",
        ParameterType.String when Allowed is null => "text",
        _ => $"one of {string.Join(", ", Allowed ?? [])}",
    };

    /// <summary>The description with the range and default appended, as shown in the API documentation.</summary>
    public string Documentation => Default is null ? $"{Description} Accepts {Range}." : $"{Description} Accepts {Range}; default {Default}.";

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
