using System.Collections.Concurrent;
using VisionAspire.Imaging.Native;
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
    /// Computes every pixel, in one pass, straight into a new managed array (libvips writes through a pinned pointer;
    /// no native buffer in between). <typeparamref name="T"/> must be the image's band format.
    /// </summary>
    internal unsafe T[] WriteToArray<T>() where T : unmanaged
    {
        var format = BandFormatOf<T>();
        if (LibVips.vips_image_get_format(Handle) != format)
        {
            throw new InvalidOperationException($"The image's band format is {LibVips.vips_image_get_format(Handle)}, not {typeof(T).Name}.");
        }

        var (width, height, bands) = (Width, Height, Bands);
        var values = GC.AllocateUninitializedArray<T>(checked(width * height * bands));
        fixed (T* start = values)
        {
            // The target must be gone before the array is unpinned: disposed at the end of this block.
            using var target = LibVips.vips_image_new_from_memory(start, (nuint)values.Length * (nuint)sizeof(T), width, height, bands, format);
            if (target.IsInvalid)
            {
                throw new ImagingException($"libvips could not wrap the output array: {VipsRuntime.TakeError()}");
            }

            // Synchronous: every libvips worker has finished writing when it returns, on success or failure.
            if (LibVips.vips_image_write(Handle, target) != 0)
            {
                throw PixelFailure(VipsRuntime.TakeError());
            }
        }

        return values;
    }

    /// <summary>Encodes to <paramref name="format"/>.</summary>
    /// <exception cref="ImageFormatException">This libvips build cannot write the format.</exception>
    /// <exception cref="CorruptImageException">The source pixels cannot be decoded.</exception>
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
        using var op = VipsOperation.Create(VipsCodecs.Saver(format)).Set("in", this).Set("strip", options.StripMetadata);
        switch (format)
        {
            case ImageFormat.Jpeg or ImageFormat.WebP:
                op.Set("Q", options.Quality);
                break;
            case ImageFormat.Tiff:
                op.SetEnum("compression", "deflate");
                break;
            case ImageFormat.Heif or ImageFormat.Avif:
                op.Set("Q", options.Quality).SetEnum("compression", format == ImageFormat.Avif ? "av1" : "hevc");
                break;
        }

        op.Build(PixelFailure);
        return op.GetBlob("buffer");
    }

    /// <summary>8-bit sRGB, exactly 3 bands (alpha flattened on white), still lazy.</summary>
    internal VipsImage ToUcharRgb()
    {
        var current = Apply("copy");
        if (!current.IsUcharSrgb)
        {
            current = current.Then(image => image.Apply("colourspace", op => op.SetEnum("space", "srgb")));
        }

        if (current.HasAlpha)
        {
            current = current.Then(image => image.Apply("flatten", op => op.Set("background", [255.0, 255.0, 255.0])));
        }

        if (LibVips.vips_image_get_format(current.Handle) != FormatUchar)
        {
            current = current.Then(image => image.Apply("cast", op => op.SetEnum("format", "uchar")));
        }

        if (current.Bands > 3)
        {
            current = current.Then(image => image.Apply("extract_band", op => op.Set("band", 0).Set("n", 3)));
        }

        return current;
    }

    private static int BandFormatOf<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? FormatUchar
        : typeof(T) == typeof(uint) ? FormatUint
        : typeof(T) == typeof(double) ? FormatDouble
        : throw new NotSupportedException($"No libvips band format for {typeof(T).Name}.");

    private static unsafe bool ProbeEncoder(ImageFormat format)
    {
        if (!VipsOperation.Exists(VipsCodecs.Saver(format)))
        {
            return false;
        }

        var pixels = new byte[16 * 16 * 3];
        GObjectHandle handle;
        fixed (byte* p = pixels)
        {
            handle = LibVips.vips_image_new_from_memory_copy(p, (nuint)pixels.Length, 16, 16, 3, FormatUchar);
        }

        using var probe = new VipsImage(handle, ImageFormat.Unknown);
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
