using System.Text.Json;
using System.Text.Json.Serialization;

namespace VisionAspire.Models.Registry;

/// <summary>
/// How pixels become an uploaded classifier's input tensor: the image is stretched to <see cref="Width"/> x
/// <see cref="Height"/>, its channels ordered as <see cref="Colour"/> (RGB or BGR) in the <see cref="Layout"/> (NCHW or
/// NHWC), and each value is <c>(pixel * Scale - Mean[c]) / Std[c]</c> with pixel in 0..255 and c the tensor channel.
/// <see cref="Softmax"/>: the outputs are logits to turn into probabilities (false: already probabilities).
/// </summary>
public sealed record ClassifierInputSpec(
    int Width,
    int Height,
    string Layout,
    string Colour,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std,
    float Scale = 1,
    bool Softmax = false)
{
    public const string Nchw = "NCHW";
    public const string Nhwc = "NHWC";
    public const int MaxSide = 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public bool IsNchw => Layout.Equals(Nchw, StringComparison.OrdinalIgnoreCase);

    public bool IsBgr => Colour.Equals("BGR", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses and checks a spec; throws <see cref="ModelValidationException"/> naming what is wrong.</summary>
    public static ClassifierInputSpec Parse(string json)
    {
        ClassifierInputSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<ClassifierInputSpec>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ModelValidationException($"The input spec is not valid JSON of the expected shape: {e.Message}", e);
        }
        return (spec ?? throw new ModelValidationException("The input spec is empty.")).Validated();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public ClassifierInputSpec Validated()
    {
        Require(Width is > 0 and <= MaxSide && Height is > 0 and <= MaxSide, $"width and height must be 1..{MaxSide}, not {Width}x{Height}.");
        Require(Layout is not null && (IsNchw || Layout.Equals(Nhwc, StringComparison.OrdinalIgnoreCase)), $"layout must be NCHW or NHWC, not '{Layout}'.");
        Require(Colour is not null && (IsBgr || Colour.Equals("RGB", StringComparison.OrdinalIgnoreCase)), $"colour must be RGB or BGR, not '{Colour}'.");
        Require(Mean is { Count: 3 } && Std is { Count: 3 }, "mean and std must have 3 values each (one per tensor channel).");
        Require(Std.All(s => s > 0 && float.IsFinite(s)) && Mean.All(float.IsFinite), "std values must be positive and every mean value finite.");
        Require(Scale > 0 && float.IsFinite(Scale), $"scale must be positive, not {Scale}.");
        return this with { Layout = Layout!.ToUpperInvariant(), Colour = Colour!.ToUpperInvariant() };
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ModelValidationException($"Input spec: {problem}");
        }
    }
}
