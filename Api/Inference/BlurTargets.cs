using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

/// <summary>The targets= of blur: which names exist, and which region sources this build has registered for them.</summary>
public sealed class BlurTargets(IEnumerable<IBlurRegionSource> sources)
{
    public const string Field = "targets";
    public const string Faces = FaceRegionSource.Name;
    public const string Plates = "plates";

    /// <summary>Every target name, each with what locates it (for the message when this build lacks it).</summary>
    private static readonly Dictionary<string, string> Locators = new(StringComparer.OrdinalIgnoreCase)
    {
        [Faces] = "a face detector",
        [Plates] = "the OCR plate locator",
    };

    private readonly Dictionary<string, IBlurRegionSource> _sources = sources.ToDictionary(s => s.Target, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = [Faces, Plates];

    /// <summary>The sources for a comma-separated list (null or empty: faces); unknown or unavailable names are a 400.</summary>
    public IReadOnlyList<IBlurRegionSource> Resolve(string? list)
    {
        var names = (list ?? Faces).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ParameterException(Field, $"must name at least one of {string.Join(", ", Names)}.");
        }

        var chosen = new List<IBlurRegionSource>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Locators.TryGetValue(name, out var locator))
            {
                throw new ParameterException(Field, $"has an unknown target '{name}'; allowed: {string.Join(", ", Names)}.");
            }

            chosen.Add(_sources.TryGetValue(name, out var source)
                ? source
                : throw new ParameterException(Field, $"{name.ToLowerInvariant()} need {locator}, not available in this build."));
        }

        return chosen;
    }
}
