using System.Collections.Concurrent;
using NetVips;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    private const int MaxDimension = 10_000_000;

    private static readonly ConcurrentDictionary<ImageFormat, bool> Decodable = new();

    /// <summary>
    /// Decodes an image from memory. libvips decodes one native copy of the bytes, which lives as long as an image
    /// computed from it, so the array may be reused at once.
    /// </summary>
    /// <exception cref="ImageFormatException">Empty input or not a supported format.</exception>
    /// <exception cref="CorruptImageException">The header cannot be parsed.</exception>
    /// <exception cref="ImageTooLargeException">More pixels than <see cref="ImageLoadOptions.MaxPixels"/>.</exception>
    public static VipsImage Load(byte[] data, ImageLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(data.AsSpan(), options);
    }

    public static VipsImage Load(Stream stream, ImageLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.GetBuffer().AsSpan(0, (int)copy.Length), options);
    }

    private static VipsImage Load(ReadOnlySpan<byte> data, ImageLoadOptions? options)
    {
        options ??= ImageLoadOptions.Default;
        var format = Sniff(data);
        using var source = NativeCopy(data);
        var image = Open(format, source, options);
        return options.AutoRotate ? RotateUpright(image) : image;
    }

    /// <summary>Decodes a file; libvips reads it lazily, so the file must stay in place while the image is used.</summary>
    public static VipsImage LoadFile(string path, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        Span<byte> header = stackalloc byte[ImageFormatSniffer.HeaderLength];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var format = Sniff(header[..read]);
        var image = Open(format, path, options);
        return options.AutoRotate ? RotateUpright(image) : image;
    }

    /// <summary>Parses only the header: format, size, bands, EXIF orientation. No pixel is decoded and no limit applied.</summary>
    public static ImageHeader ReadHeader(byte[] data)
    {
        var format = Sniff(data);

        // The header is parsed within this call, so libvips reads the array in place, pinned until the source is
        // disposed: after the image (declared later, disposed first), when no loader can read it any more.
        using var source = Source.NewFromMemory(data);
        using var image = Open(format, source, options: null);
        return image.Header;
    }

    /// <summary>
    /// Decode-and-shrink in one pass (libvips thumbnail_source: shrink-on-load for JPEG, WebP, HEIF); the pixel
    /// limit is checked from the header first. See <see cref="Thumbnail"/> for the sizing rules. The result is held
    /// in memory, so it can be read any number of times; for pixels only, <see cref="ThumbnailPixels(byte[], int, int?, ResizeMode, ImageLoadOptions?)"/>
    /// computes them in a single pass.
    /// </summary>
    public static VipsImage ThumbnailBuffer(byte[] data, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        ValidateBox(width, height);
        var format = Sniff(data);
        using var thumbnail = OpenThumbnail(data, format, width, height, mode, options, out _);
        return thumbnail.InMemory();
    }

    /// <summary>
    /// <see cref="ThumbnailBuffer"/> without holding the result in memory: its pixels are computed while they are
    /// read, which may happen once, top to bottom (one <see cref="Encode"/> or <see cref="ToPixels"/>; a second read
    /// fails as corrupt). Same checks as <see cref="ThumbnailBuffer"/>. For decode, resize, encode in one pass.
    /// </summary>
    public static VipsImage ThumbnailOnce(byte[] data, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        ValidateBox(width, height);
        return OpenThumbnail(data, Sniff(data), width, height, mode, options, out _);
    }

    /// <summary>
    /// <see cref="ThumbnailBuffer"/> straight to 8-bit sRGB pixels (as <see cref="ToPixels"/>): the thumbnail is
    /// computed once, into the returned array, with the same checks (pixel limit from the header, strict decoding,
    /// EXIF orientation).
    /// </summary>
    /// <exception cref="ImageFormatException">Empty input or not a supported format.</exception>
    /// <exception cref="CorruptImageException">The header or the pixel data cannot be decoded.</exception>
    /// <exception cref="ImageTooLargeException">More pixels than <see cref="ImageLoadOptions.MaxPixels"/>.</exception>
    public static PixelBuffer ThumbnailPixels(byte[] data, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null) =>
        ThumbnailPixels(data, out _, width, height, mode, options);

    /// <summary>
    /// As <see cref="ThumbnailPixels(byte[], int, int?, ResizeMode, ImageLoadOptions?)"/>, also giving
    /// the original's header (stored size and orientation), read by the same header parse that checks the pixel limit.
    /// </summary>
    public static PixelBuffer ThumbnailPixels(byte[] data, out ImageHeader source, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        ValidateBox(width, height);
        var format = Sniff(data);
        using var thumbnail = OpenThumbnail(data, format, width, height, mode, options, out source);
        return thumbnail.ToPixels();
    }

    /// <summary>Whether this libvips build can decode the format.</summary>
    public static bool CanDecode(ImageFormat format) =>
        format != ImageFormat.Unknown && Decodable.GetOrAdd(format, static f => VipsCodecs.Exists(VipsCodecs.Loader(f, fromFile: false)));

    /// <summary>
    /// The lazy thumbnail of <paramref name="buffer"/>. Its output can be read once, top to bottom (sequential
    /// access); decode errors surface when the pixels are computed.
    /// </summary>
    private static VipsImage OpenThumbnail(byte[] buffer, ImageFormat format, int width, int? height, ResizeMode mode,
        ImageLoadOptions options, out ImageHeader header)
    {
        // One native copy for both loader calls (each holds its own reference to it), not one per call.
        using var source = NativeCopy(buffer);

        // thumbnail_source applies no pixel limit, so the header is read (and checked) by our own loader call first.
        using (var original = Open(format, source, options))
        {
            header = original.Header;
        }

        var box = ThumbnailBox.Of(width, height, mode, allowUpscale: false);
        Image thumbnail;
        try
        {
            // thumbnail_source ignores its own fail_on argument; only the loader options in the string reach the loader.
            thumbnail = Image.ThumbnailSource(source, width, $"fail_on={FailOnNick(options)}", box.Height, box.Size,
                noRotate: !options.AutoRotate, crop: box.Crop);
        }
        catch (VipsException e)
        {
            throw new CorruptImageException($"The {format} image cannot be decoded: {Describe(e)}");
        }

        var image = new VipsImage(thumbnail, format);
        return mode == ResizeMode.Pad ? PadTo(image, width, height ?? width) : image;
    }

    private static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new ImageFormatException("The image is empty (0 bytes).");
        }

        var format = ImageFormatSniffer.Detect(data);
        if (format == ImageFormat.Unknown)
        {
            var head = Convert.ToHexString(data[..Math.Min(data.Length, 8)]);
            throw new ImageFormatException(
                $"Not a supported image: the first bytes ({head}) match none of JPEG, PNG, WebP, TIFF, GIF, HEIF, AVIF.");
        }

        if (!CanDecode(format))
        {
            throw new ImageFormatException($"{format} images cannot be decoded by this libvips build.");
        }

        return format;
    }

    /// <summary>
    /// One native copy of <paramref name="data"/> as a libvips memory source. libvips owns the copy (reference
    /// counted: every loader reading it holds a reference), so it lives as long as any image computed from it,
    /// whatever becomes of the array or of the returned wrapper; dispose the wrapper once the loaders are open.
    /// NetVips would copy a <c>byte[]</c> argument anew for each loader call, and report each copy to the GC.
    /// </summary>
    private static Source NativeCopy(ReadOnlySpan<byte> data)
    {
        try
        {
            return Source.NewFromMemory(data);
        }
        catch (VipsException e)
        {
            throw new ImagingException($"libvips could not copy the {data.Length} bytes of the image: {Describe(e)}", e);
        }
    }

    /// <summary>
    /// Runs the loader of <paramref name="format"/> (never one libvips picks) on a memory source or a file name; it
    /// parses only the header, pixels are decoded later, on demand. The pixel limit of <paramref name="options"/> is
    /// checked here, before any decoding.
    /// </summary>
    private static VipsImage Open(ImageFormat format, object sourceOrPath, ImageLoadOptions? options)
    {
        var loader = VipsCodecs.Loader(format, fromFile: sourceOrPath is string);
        Image image;
        try
        {
            image = (Image)Operation.Call(loader, new VOption { { "fail_on", FailOn(options ?? ImageLoadOptions.Default) } }, sourceOrPath);
        }
        catch (VipsException e)
        {
            throw new CorruptImageException($"The {format} image cannot be decoded: {Describe(e)}");
        }

        if (options is not null && (long)image.Width * image.Height > options.MaxPixels)
        {
            var (w, h) = (image.Width, image.Height);
            image.Dispose();
            throw new ImageTooLargeException(w, h, options.MaxPixels);
        }

        return new VipsImage(image, format);
    }

    private ImageHeader Header => new(SourceFormat, Width, Height, Bands, Orientation);

    private static VipsImage RotateUpright(VipsImage image)
    {
        if (image.Orientation == 1)
        {
            return image;
        }

        using (image)
        {
            return image.AutoRotate();
        }
    }

    private static Enums.FailOn FailOn(ImageLoadOptions options) => options.TolerateWarnings ? Enums.FailOn.Error : Enums.FailOn.Warning;

    private static string FailOnNick(ImageLoadOptions options) => options.TolerateWarnings ? "error" : "warning";
}
