using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations.Redaction;

/// <summary>The encoded image with its regions blurred, its size and the regions (upright original pixels).</summary>
public sealed record RedactedImage(byte[] Data, ImageFormat Format, int Width, int Height, IReadOnlyList<BlurRegion> Regions)
{
    public string ContentType => ImageFormatSniffer.ContentType(Format);
}

/// <summary>
/// Privacy blur: decodes the image upright once, locates every region of the chosen targets on working copies of it,
/// replaces each region's pixels (<see cref="RegionBlur"/>) and encodes it with metadata always stripped (EXIF can
/// carry an unblurred thumbnail, and GPS). Blocking and CPU-bound: run it through <see cref="ProcessingRunner"/>
/// with the runner's token. Thread-safe when the sources are.
/// </summary>
public static class ImageRedactor
{
    public static IReadOnlyList<BlurRegion> Locate(WorkingImage image, IEnumerable<IBlurRegionSource> sources) =>
        sources.SelectMany(source => source.Locate(image)).ToList();

    /// <param name="format">The output format; null: the source's when this libvips writes it, else PNG.</param>
    /// <param name="ct">Cancelling kills the image being computed, so the call ends with <see cref="ImageProcessingCancelledException"/>.</param>
    public static RedactedImage Redact(byte[] data, ImageLoadOptions options, IEnumerable<IBlurRegionSource> sources,
        RegionBlurMode mode, int strength, ImageFormat? format, int quality, CancellationToken ct = default)
    {
        using var image = VipsImage.Load(data, options);
        using var kill = ct.Register(image.Kill);
        try
        {
            var regions = Locate(new WorkingImage(image), sources);
            if (ct.IsCancellationRequested)
            {
                throw new ImageProcessingCancelledException("Processing was cancelled.");
            }

            using var blurred = image.BlurRegions(regions.Select(r => r.Region), mode, strength);
            var output = format ?? new OutputEncoding(null, quality, true).Resolve(image.SourceFormat);
            var bytes = blurred.Encode(output, new EncodeOptions { Quality = quality, StripMetadata = true });
            return new RedactedImage(bytes, output, blurred.Width, blurred.Height, regions);
        }
        catch (CorruptImageException) when (ct.IsCancellationRequested)
        {
            throw new ImageProcessingCancelledException("Processing was cancelled.");
        }
    }
}
