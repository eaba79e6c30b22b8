using System.Collections.Concurrent;
using VisionAspire.Imaging.Native;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    private const int MaxDimension = 10_000_000;

    private static readonly ConcurrentDictionary<ImageFormat, bool> Decodable = new();

    /// <summary>Decodes an image from memory (the bytes are copied; the span may be reused at once).</summary>
    /// <exception cref="ImageFormatException">Empty input or not a supported format.</exception>
    /// <exception cref="CorruptImageException">The header cannot be parsed.</exception>
    /// <exception cref="ImageTooLargeException">More pixels than <see cref="ImageLoadOptions.MaxPixels"/>.</exception>
    public static VipsImage Load(ReadOnlySpan<byte> data, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        var format = Sniff(data);
        using var blob = VipsAreaHandle.CopyBlob(data);
        var image = Open(format, blob, path: null, options);
        return options.AutoRotate ? RotateUpright(image) : image;
    }

    public static VipsImage Load(Stream stream, ImageLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            return Load(segment.AsSpan((int)memory.Position), options);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.GetBuffer().AsSpan(0, (int)copy.Length), options);
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
        var image = Open(format, blob: null, path, options);
        return options.AutoRotate ? RotateUpright(image) : image;
    }

    /// <summary>Parses only the header: format, size, bands, EXIF orientation. No pixel is decoded and no limit applied.</summary>
    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        var format = Sniff(data);
        using var blob = VipsAreaHandle.CopyBlob(data);
        using var image = Open(format, blob, path: null, options: null);
        return image.Header;
    }

    /// <summary>
    /// Decode-and-shrink in one pass (libvips thumbnail_buffer: shrink-on-load for JPEG, WebP, HEIF); the pixel
    /// limit is checked from the header first. See <see cref="Thumbnail"/> for the sizing rules. The result is held
    /// in memory, so it can be read any number of times; for pixels only, <see cref="ThumbnailPixels(ReadOnlySpan{byte}, int, int?, ResizeMode, ImageLoadOptions?)"/>
    /// computes them in a single pass.
    /// </summary>
    public static VipsImage ThumbnailBuffer(ReadOnlySpan<byte> data, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        ValidateBox(width, height);
        var format = Sniff(data);
        using var blob = VipsAreaHandle.CopyBlob(data);
        using var thumbnail = OpenThumbnail(blob, format, width, height, mode, options, out _);
        return thumbnail.InMemory();
    }

    /// <summary>
    /// <see cref="ThumbnailBuffer"/> straight to 8-bit sRGB pixels (as <see cref="ToPixels"/>): the thumbnail is
    /// computed once, into the returned array, with the same checks (pixel limit from the header, strict decoding,
    /// EXIF orientation).
    /// </summary>
    /// <exception cref="ImageFormatException">Empty input or not a supported format.</exception>
    /// <exception cref="CorruptImageException">The header or the pixel data cannot be decoded.</exception>
    /// <exception cref="ImageTooLargeException">More pixels than <see cref="ImageLoadOptions.MaxPixels"/>.</exception>
    public static PixelBuffer ThumbnailPixels(ReadOnlySpan<byte> data, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null) =>
        ThumbnailPixels(data, out _, width, height, mode, options);

    /// <summary>
    /// As <see cref="ThumbnailPixels(ReadOnlySpan{byte}, int, int?, ResizeMode, ImageLoadOptions?)"/>, also giving
    /// the original's header (stored size and orientation), read by the same header parse that checks the pixel limit.
    /// </summary>
    public static PixelBuffer ThumbnailPixels(ReadOnlySpan<byte> data, out ImageHeader source, int width, int? height = null,
        ResizeMode mode = ResizeMode.Fit, ImageLoadOptions? options = null)
    {
        options ??= ImageLoadOptions.Default;
        ValidateBox(width, height);
        var format = Sniff(data);
        using var blob = VipsAreaHandle.CopyBlob(data);
        using var thumbnail = OpenThumbnail(blob, format, width, height, mode, options, out source);
        return thumbnail.ToPixels();
    }

    /// <summary>Whether this libvips build can decode the format.</summary>
    public static bool CanDecode(ImageFormat format) =>
        format != ImageFormat.Unknown && Decodable.GetOrAdd(format, static f => VipsOperation.Exists(VipsCodecs.Loader(f, fromFile: false)));

    /// <summary>
    /// The lazy thumbnail of <paramref name="blob"/>, which must stay alive until its pixels are computed. Its output
    /// can be read once, top to bottom (sequential access); decode errors surface when the pixels are computed.
    /// </summary>
    private static VipsImage OpenThumbnail(VipsAreaHandle blob, ImageFormat format, int width, int? height, ResizeMode mode,
        ImageLoadOptions options, out ImageHeader source)
    {
        // thumbnail_buffer applies no pixel limit, so the header is read (and checked) by our own loader call first.
        using (var original = Open(format, blob, path: null, options))
        {
            source = original.Header;
        }

        using var op = VipsOperation.Create("thumbnail_buffer")
            .Set("buffer", blob)
            .Set("no_rotate", !options.AutoRotate)
            .SetEnum("fail_on", FailOn(options))
            .Set("option_string", $"fail_on={FailOn(options)}"); // 8.14 does not pass its own fail_on on to buffer loaders
        SetThumbnailBox(op, width, height, mode, allowUpscale: false);
        op.Build(message => new CorruptImageException($"The {format} image cannot be decoded: {message}"));
        var thumbnail = op.GetImage("out", format);
        return mode == ResizeMode.Pad ? PadTo(thumbnail, width, height ?? width) : thumbnail;
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

    /// <summary>Runs the loader, which parses only the header; pixels are decoded later, on demand.</summary>
    private static VipsImage Open(ImageFormat format, VipsAreaHandle? blob, string? path, ImageLoadOptions? options)
    {
        using var op = VipsOperation.Create(VipsCodecs.Loader(format, fromFile: path is not null));
        if (path is not null)
        {
            op.Set("filename", path);
        }
        else
        {
            op.Set("buffer", blob!);
        }

        op.SetEnum("fail_on", FailOn(options ?? ImageLoadOptions.Default));
        op.Build(message => new CorruptImageException($"The {format} image cannot be decoded: {message}"));
        var image = op.GetImage("out", format);
        if (options is not null && (long)image.Width * image.Height > options.MaxPixels)
        {
            var (w, h) = (image.Width, image.Height);
            image.Dispose();
            throw new ImageTooLargeException(w, h, options.MaxPixels);
        }

        return image;
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

    private static string FailOn(ImageLoadOptions options) => options.TolerateWarnings ? "error" : "warning";
}
