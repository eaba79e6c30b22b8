using System.Globalization;
using System.Text.Json;

namespace VisionAspire.Operations;

/// <summary>
/// The raw parameters of one operation (from a query string or a pipeline's JSON "params"), read and range-checked
/// against <see cref="ParameterSpec"/>s. Every failure is a <see cref="ParameterException"/> naming the field.
/// </summary>
public sealed class OperationArguments
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _prefix;

    public OperationArguments(IReadOnlyDictionary<string, string> values, string fieldPrefix = "")
    {
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        _prefix = fieldPrefix;
    }

    public static OperationArguments FromJson(IReadOnlyDictionary<string, JsonElement>? parameters, string fieldPrefix)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, element) in parameters ?? new Dictionary<string, JsonElement>())
        {
            values[name] = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!,
                JsonValueKind.Number => element.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new ParameterException(fieldPrefix + name, "must be a string, number or boolean."),
            };
        }

        return new OperationArguments(values, fieldPrefix);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Field(string name) => _prefix + name;

    /// <summary>Fails on the first parameter that is not one of <paramref name="specs"/>.</summary>
    public void RejectUnknown(IEnumerable<ParameterSpec> specs, string context)
    {
        var known = specs.Select(s => s.Name).ToList();
        foreach (var name in _values.Keys)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ParameterException(Field(name),
                    known.Count == 0 ? $"{context} takes no parameters." : $"is not a parameter of {context}; it takes: {string.Join(", ", known)}.");
            }
        }
    }

    public int? Int(ParameterSpec spec)
    {
        if (!_values.TryGetValue(spec.Name, out var raw))
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < spec.Minimum || value > spec.Maximum)
        {
            throw Invalid(spec, raw);
        }

        return value;
    }

    public double? Number(ParameterSpec spec)
    {
        if (!_values.TryGetValue(spec.Name, out var raw))
        {
            return null;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            || value > spec.Maximum || (spec.ExclusiveMinimum ? value <= spec.Minimum : value < spec.Minimum))
        {
            throw Invalid(spec, raw);
        }

        return value;
    }

    public bool? Bool(ParameterSpec spec)
    {
        if (!_values.TryGetValue(spec.Name, out var raw))
        {
            return null;
        }

        return bool.TryParse(raw, out var value) ? value : throw Invalid(spec, raw);
    }

    public string? Choice(ParameterSpec spec)
    {
        if (!_values.TryGetValue(spec.Name, out var raw))
        {
            return null;
        }

        var match = spec.Allowed?.FirstOrDefault(a => string.Equals(a, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? throw Invalid(spec, raw);
    }

    public ParameterException Missing(ParameterSpec spec, string why) =>
        new(Field(spec.Name), $"is required{(why.Length == 0 ? "" : " " + why)}; it must be {spec.Range}.");

    private ParameterException Invalid(ParameterSpec spec, string raw) =>
        new(Field(spec.Name), $"must be {spec.Range}; got '{Shorten(raw)}'.");

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
