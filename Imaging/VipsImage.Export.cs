using System.Collections.Concurrent;
using NetVips;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    private static readonly ConcurrentDictionary<ImageFormat, bool> Encodable = new();

    /// <summary>Decodes to 8-bit sRGB, 3 bands, interleaved; alpha is flattened onto white.</summary>
    /// <exception cref="CorruptImageException">The pixel data cannot be decoded.</exception>
    public PixelBuffer ToPixels()
    {
        using var rgb = ToUcharRgb();
        return new PixelBuffer(rgb.WriteToArray<byte>(), rgb.Width, rgb.Height, rgb.Bands);
    }

    /// <summary>
    /// Computes every pixel, in one pass, into a new managed array. <typeparamref name="T"/> must be the image's band
    /// format. libvips writes into its own buffer, copied out once: its worker threads never hold a pointer into
    /// managed memory, which a failed evaluation could leave them writing to after the array is unpinned.
    /// </summary>
    internal T[] WriteToArray<T>() where T : unmanaged
    {
        var format = BandFormatOf<T>();
        if (Image.Format != format)
        {
            throw new InvalidOperationException($"The image's band format is {Image.Format}, not {typeof(T).Name}.");
        }

        return Evaluate(image => image.WriteToMemory<T>());
    }

    /// <summary>Encodes to <paramref name="format"/>.</summary>
    /// <exception cref="ImageFormatException">This libvips build cannot write the format.</exception>
    /// <exception cref="CorruptImageException">The source pixels cannot be decoded.</exception>
    /// <exception cref="ImageProcessingCancelledException">The image, or one it is computed from, was killed.</exception>
    public byte[] Encode(ImageFormat format, EncodeOptions? options = null)
    {
        options ??= EncodeOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Quality, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Quality, 100, nameof(options));
        if (!CanEncode(format))
        {
            throw new ImageFormatException($"{format} images cannot be written by this libvips build.");
        }

        return Save(format, options);
    }

    /// <summary>Whether this libvips build can write <paramref name="format"/> (HEIF/AVIF depend on libheif's encoders).</summary>
    public static bool CanEncode(ImageFormat format) =>
        format != ImageFormat.Unknown && Encodable.GetOrAdd(format, static f => ProbeEncoder(f));

    private byte[] Save(ImageFormat format, EncodeOptions options)
    {
        var arguments = new VOption { { "keep", options.StripMetadata ? Enums.ForeignKeep.None : Enums.ForeignKeep.All } };
        switch (format)
        {
            case ImageFormat.Jpeg or ImageFormat.WebP:
                arguments.Add("Q", options.Quality);
                break;
            case ImageFormat.Tiff:
                arguments.Add("compression", Enums.ForeignTiffCompression.Deflate);
                break;
            case ImageFormat.Heif or ImageFormat.Avif:
                arguments.Add("Q", options.Quality);
                arguments.Add("compression", format == ImageFormat.Avif ? Enums.ForeignHeifCompression.Av1 : Enums.ForeignHeifCompression.Hevc);
                break;
        }

        return Evaluate(image => (byte[])Operation.Call(VipsCodecs.Saver(format), arguments, image));
    }

    /// <summary>8-bit sRGB, exactly 3 bands (alpha flattened on white), still lazy.</summary>
    internal VipsImage ToUcharRgb()
    {
        var current = Apply(image => image.Copy());
        if (!current.IsUcharSrgb)
        {
            current = current.Then(image => image.Apply(source => source.Colourspace(Enums.Interpretation.Srgb)));
        }

        if (current.HasAlpha)
        {
            current = current.Then(image => image.Apply(source => source.Flatten(background: [255.0, 255.0, 255.0])));
        }

        if (!current.IsUchar)
        {
            current = current.Then(image => image.Apply(source => source.Cast(Enums.BandFormat.Uchar)));
        }

        if (current.Bands > 3)
        {
            current = current.Then(image => image.Apply(source => source.ExtractBand(0, n: 3)));
        }

        return current;
    }

    private static Enums.BandFormat BandFormatOf<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? Enums.BandFormat.Uchar
        : typeof(T) == typeof(uint) ? Enums.BandFormat.Uint
        : typeof(T) == typeof(double) ? Enums.BandFormat.Double
        : throw new NotSupportedException($"No libvips band format for {typeof(T).Name}.");

    private static bool ProbeEncoder(ImageFormat format)
    {
        if (!VipsCodecs.Exists(VipsCodecs.Saver(format)))
        {
            return false;
        }

        using var probe = new VipsImage(Image.Black(16, 16, bands: 3), ImageFormat.Unknown);
        try
        {
            probe.Save(format, EncodeOptions.Default);
            return true;
        }
        catch (ImagingException)
        {
            return false;
        }
    }
}
