using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

/// <summary>The targets= of blur: the registered region source of each name.</summary>
public sealed class BlurTargets(IEnumerable<IBlurRegionSource> sources)
{
    public const string Field = "targets";
    public const string Faces = DetectedRegionSource.FacesTarget;
    public const string Plates = DetectedRegionSource.PlatesTarget;

    private readonly Dictionary<string, IBlurRegionSource> _sources = sources.ToDictionary(s => s.Target, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = [Faces, Plates];

    /// <summary>The sources for a comma-separated list (null or empty: faces); an unknown name is a 400.</summary>
    public IReadOnlyList<IBlurRegionSource> Resolve(string? list)
    {
        var names = (list ?? Faces).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ParameterException(Field, $"must name at least one of {string.Join(", ", Names)}.");
        }

        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => _sources.TryGetValue(name, out var source)
            ? source
            : throw new ParameterException(Field, $"has an unknown target '{name}'; allowed: {string.Join(", ", Names)}."))];
    }
}
