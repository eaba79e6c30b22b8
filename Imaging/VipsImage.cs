using System.Runtime.InteropServices;
using VisionAspire.Imaging.Native;

namespace VisionAspire.Imaging;

/// <summary>
/// An immutable libvips image. Every operation returns a new image; the caller disposes both.
/// Thread-safe: libvips images are immutable and may be read from several threads at once.
/// Pixels are computed lazily; a decode error in pixel data surfaces, typed, at the call that needs the pixels.
/// </summary>
public sealed partial class VipsImage : IDisposable
{
    private const int InterpretationSrgb = 22;
    private const int FormatUchar = 0;
    private const int FormatUint = 4;
    private const int FormatDouble = 8;

    internal VipsImage(GObjectHandle handle, ImageFormat sourceFormat)
    {
        Handle = handle;
        SourceFormat = sourceFormat;
    }

    public int Width => LibVips.vips_image_get_width(Handle);

    public int Height => LibVips.vips_image_get_height(Handle);

    public int Bands => LibVips.vips_image_get_bands(Handle);

    /// <summary>The format the pixels were decoded from (<see cref="ImageFormat.Unknown"/> for computed images).</summary>
    public ImageFormat SourceFormat { get; }

    /// <summary>The EXIF orientation still pending (1 = upright; always 1 after <see cref="AutoRotate"/>).</summary>
    public int Orientation => GetInt("orientation") is { } value and >= 1 and <= 8 ? value : 1;

    /// <summary>The colour space libvips infers, as its nick: "srgb", "b-w", "cmyk", "rgb16", "lab", ...</summary>
    public string Interpretation =>
        Marshal.PtrToStringUTF8(LibVips.vips_enum_nick(
            LibVips.vips_interpretation_get_type(), LibVips.vips_image_guess_interpretation(Handle))) ?? "unknown";

    public bool HasAlpha => LibVips.vips_image_hasalpha(Handle) != 0;

    internal GObjectHandle Handle { get; }

    internal bool IsUchar => LibVips.vips_image_get_format(Handle) == FormatUchar;

    internal bool IsUcharSrgb => IsUchar && LibVips.vips_image_guess_interpretation(Handle) == InterpretationSrgb;

    public void Dispose() => Handle.Dispose();

    /// <summary>A metadata string such as "exif-ifd0-Make", or null when the image has none.</summary>
    public unsafe string? GetMetadataString(string name)
    {
        if (LibVips.vips_image_get_typeof(Handle, name) == 0)
        {
            return null;
        }

        nint text;
        if (LibVips.vips_image_get_string(Handle, name, &text) != 0)
        {
            VipsRuntime.TakeError();
            return null;
        }

        return Marshal.PtrToStringUTF8(text);
    }

    internal unsafe int? GetInt(string name)
    {
        if (LibVips.vips_image_get_typeof(Handle, name) == 0)
        {
            return null;
        }

        int value;
        if (LibVips.vips_image_get_int(Handle, name, &value) != 0)
        {
            VipsRuntime.TakeError();
            return null;
        }

        return value;
    }

    /// <summary>
    /// Computes every pixel now into memory. Used for thumbnail_buffer's output, which can be read only once, top
    /// to bottom (sequential access); afterwards it can be read any number of times, and decode errors surface here.
    /// </summary>
    internal VipsImage InMemory()
    {
        var copy = LibVips.vips_image_copy_memory(Handle);
        if (copy.IsInvalid)
        {
            copy.Dispose();
            throw PixelFailure(VipsRuntime.TakeError());
        }

        return new VipsImage(copy, SourceFormat);
    }

    /// <summary>Runs a one-input, one-output operation ("in" → "out") with extra arguments.</summary>
    internal VipsImage Apply(string operation, Action<VipsOperation>? arguments = null, string input = "in")
    {
        using var op = VipsOperation.Create(operation).Set(input, this);
        arguments?.Invoke(op);
        op.Build();
        return op.GetImage("out", SourceFormat);
    }

    /// <summary>A sink (an operation that pulls every pixel) failed: it was killed, or pixel data could not be decoded.</summary>
    internal static ImagingException PixelFailure(string message) => VipsRuntime.IsKilled(message)
        ? new ImageProcessingCancelledException($"The image evaluation was stopped: {message}")
        : new CorruptImageException($"The image pixels could not be computed (corrupt or truncated data?): {message}");
}
