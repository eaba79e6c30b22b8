using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VisionAspire.Imaging.Native;

/// <summary>
/// Process-wide libvips start-up and access to its error buffer. Thread-safe: initialisation runs once,
/// and the global error buffer is read and cleared under one lock.
/// </summary>
internal static unsafe class VipsRuntime
{
    private const int GLogLevelWarning = 1 << 4;
    private const string KilledMessage = "killed for image";

    private static readonly Lock ErrorLock = new();
    private static readonly Lazy<bool> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Started.Value;

    /// <summary>
    /// True when a failure's text is libvips' report that an image it read was killed (vips_image_iskilled). The text
    /// is the only trace: the kill may be set on any image upstream of the one whose call failed.
    /// </summary>
    public static bool IsKilled(string error) => error.Contains(KilledMessage, StringComparison.Ordinal);

    /// <summary>
    /// Returns and clears the text libvips left in its process-global error buffer by the call that just failed.
    /// vips_error_buffer_copy copies and clears under libvips' own lock, which its worker threads also take when they
    /// append; our lock only keeps two failing callers from splitting one message between them.
    /// </summary>
    public static string TakeError()
    {
        lock (ErrorLock)
        {
            var copy = LibVips.vips_error_buffer_copy();
            try
            {
                var trimmed = (Marshal.PtrToStringUTF8(copy) ?? string.Empty).Trim();
                return trimmed.Length == 0 ? "libvips gave no error text" : trimmed.Replace('\n', ' ');
            }
            finally
            {
                GObject.g_free(copy);
            }
        }
    }

    private static bool Start()
    {
        try
        {
            if (LibVips.vips_init("VisionAspire") != 0)
            {
                throw new ImagingException($"libvips failed to start: {TakeError()}");
            }
        }
        catch (DllNotFoundException e)
        {
            throw new ImagingException(
                "libvips.so.42 was not found; install the Debian package libvips42 (scripts/setup.sh does).", e);
        }

        // Every call here builds a fresh operation on fresh input (a new blob, a new image), so the operation
        // cache would never hit; it would only keep up to 100 finished operations and their pixel buffers
        // alive, which looks exactly like a leak. Caching off keeps memory proportional to live images.
        LibVips.vips_cache_set_max(0);
        LibVips.vips_cache_set_max_mem(0);
        LibVips.vips_cache_set_max_files(0);

        // Loaders marked untrusted (ImageMagick, PDF, SVG, ...) must never run on uploads, even through the
        // generic "find a loader" paths of thumbnail_buffer.
        LibVips.vips_block_untrusted_set(1);

        // libvips prints a g_warning per damaged tile of a corrupt upload to stderr; the failure already reaches
        // the caller as a typed exception carrying the same text, so the duplicate is dropped.
        GObject.g_log_set_handler("VIPS", GLogLevelWarning, &DropWarning, 0);
        return true;
    }

    [UnmanagedCallersOnly]
    private static void DropWarning(nint domain, int level, nint message, nint userData)
    {
    }
}
