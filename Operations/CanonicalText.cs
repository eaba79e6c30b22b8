using System.Globalization;

namespace VisionAspire.Operations;

internal static class CanonicalText
{
    public static string Of(string name, params (string Key, object? Value)[] values) =>
        $"{name}({string.Join(",", values.Select(v => $"{v.Key}={Format(v.Value)}"))})";

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.ToLowerInvariant(),
    };
}
