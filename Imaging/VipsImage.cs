using System.Collections.Frozen;
using NetVips;

namespace VisionAspire.Imaging;

/// <summary>
/// An immutable libvips image (a NetVips <see cref="Image"/>). Every operation returns a new image; the caller
/// disposes both. Thread-safe: libvips images are immutable and may be read from several threads at once.
/// Pixels are computed lazily; a decode error in pixel data surfaces, typed, at the call that needs the pixels.
/// </summary>
public sealed partial class VipsImage : IDisposable
{
    private static readonly Lazy<FrozenDictionary<int, string>> InterpretationNicks = new(() =>
        global::NetVips.NetVips.ValuesForEnum(global::NetVips.NetVips.TypeFromName("VipsInterpretation"))
            .ToFrozenDictionary(pair => pair.Value, pair => pair.Key));

    /// <summary>This image's kill switch first, then those of every image it is computed from.</summary>
    private readonly KillSwitch[] _kills;

    internal VipsImage(Image image, ImageFormat sourceFormat, params ReadOnlySpan<VipsImage> inputs)
    {
        Image = image;
        SourceFormat = sourceFormat;
        var kills = new List<KillSwitch> { new(image) };
        foreach (var input in inputs)
        {
            kills.AddRange(input._kills.Where(kill => !kills.Contains(kill)));
        }

        _kills = [.. kills];
    }

    public int Width => Image.Width;

    public int Height => Image.Height;

    public int Bands => Image.Bands;

    /// <summary>The format the pixels were decoded from (<see cref="ImageFormat.Unknown"/> for computed images).</summary>
    public ImageFormat SourceFormat { get; }

    /// <summary>The EXIF orientation still pending (1 = upright; always 1 after <see cref="AutoRotate"/>).</summary>
    public int Orientation => Image.Contains("orientation") && Image.Get("orientation") is int value and >= 1 and <= 8 ? value : 1;

    /// <summary>The colour space, as libvips' nick: "srgb", "b-w", "cmyk", "rgb16", "lab", ...</summary>
    public string Interpretation =>
        InterpretationNicks.Value.GetValueOrDefault((int)Image.Interpretation, "unknown");

    public bool HasAlpha => Image.HasAlpha();

    internal Image Image { get; }

    internal bool IsUchar => Image.Format == Enums.BandFormat.Uchar;

    internal bool IsUcharSrgb => IsUchar && Bands >= 3 && Image.Interpretation == Enums.Interpretation.Srgb;

    public void Dispose() => Image.Dispose();

    /// <summary>A metadata string such as "exif-ifd0-Make", or null when the image has none.</summary>
    public string? GetMetadataString(string name) =>
        Image.Contains(name) ? Image.Get(name) as string : null;

    /// <summary>
    /// Computes every pixel now into memory. Used for thumbnail_source's output, which can be read only once, top
    /// to bottom (sequential access); afterwards it can be read any number of times, and decode errors surface here.
    /// </summary>
    internal VipsImage InMemory() => Compute(image => image.CopyMemory());

    /// <summary>
    /// Runs an operation that computes this image's pixels while it is built (copy to memory, a statistic, a
    /// histogram, smartcrop): its failure is classified as <see cref="Evaluate{T}"/>'s.
    /// </summary>
    internal VipsImage Compute(Func<Image, Image> operation) => Evaluate(image => new VipsImage(operation(image), SourceFormat, this));

    /// <summary>Runs a lazy operation on this image (its pixels are computed later, by whatever reads them).</summary>
    internal VipsImage Apply(Func<Image, Image> operation) => Combine(operation, []);

    /// <summary>A lazy operation on this image and <paramref name="others"/>; the result is computed from all of them.</summary>
    internal VipsImage Combine(Func<Image, Image> operation, params ReadOnlySpan<VipsImage> others)
    {
        Image result;
        try
        {
            result = operation(Image);
        }
        catch (VipsException e)
        {
            throw TakeKill() ? Cancelled() : new ImagingException(Describe(e));
        }

        VipsImage[] inputs = [this, .. others];
        return new VipsImage(result, SourceFormat, inputs);
    }

    /// <summary>
    /// Runs <paramref name="sink"/>, which computes pixels of this image (encode, copy to memory, a measurement).
    /// Its failure is a cancellation when this image or one it is computed from was killed, otherwise corrupt data.
    /// </summary>
    internal T Evaluate<T>(Func<Image, T> sink)
    {
        WatchForKills();
        try
        {
            return sink(Image);
        }
        catch (VipsException e)
        {
            throw PixelFailure(e);
        }
    }

    /// <summary>A sink failed: it was killed (decided from this image's own kill switches), or the pixels are bad.</summary>
    internal ImagingException PixelFailure(VipsException e) => TakeKill()
        ? Cancelled()
        : new CorruptImageException($"The image pixels could not be computed (corrupt or truncated data?): {Describe(e)}");

    private static ImageProcessingCancelledException Cancelled() =>
        new("The image evaluation was stopped: the image, or one it is computed from, was killed.");

    /// <summary>libvips' text, on one line. It comes from the process-global error buffer: a description only.</summary>
    internal static string Describe(VipsException e)
    {
        var text = e.Message.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "libvips gave no error text" : text;
    }

    /// <summary>Takes every pending kill of this image's lineage; true when there was one.</summary>
    private bool TakeKill()
    {
        var killed = false;
        foreach (var kill in _kills)
        {
            killed |= kill.TryReset();
        }

        return killed;
    }
}
