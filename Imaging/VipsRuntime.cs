using NetVips;

namespace VisionAspire.Imaging;

/// <summary>
/// Process-wide libvips settings (NetVips with the libvips of NetVips.Native), applied once before the first image
/// is made. Thread-safe.
/// </summary>
internal static class VipsRuntime
{
    private static readonly Lazy<bool> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Started.Value;

    private static bool Start()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new ImagingException(
                $"libvips failed to start (the NetVips.Native package ships it): {ModuleInitializer.Exception?.Message}",
                ModuleInitializer.Exception);
        }

        // Every call here builds a fresh operation on fresh input (a new buffer, a new image), so the operation
        // cache would never hit; it would only keep up to 100 finished operations and their pixel buffers alive,
        // which looks exactly like a leak. Caching off keeps memory proportional to live images.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;

        // Loaders marked untrusted (ImageMagick, PDF, SVG, ...) must never run on uploads, even through the
        // generic "find a loader" paths of thumbnail_source.
        global::NetVips.NetVips.BlockUntrusted = true;

        // libvips prints a g_warning per damaged tile of a corrupt upload to stderr; the failure already reaches
        // the caller as a typed exception, so the duplicate is dropped.
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, static (_, _, _) => { });
        return true;
    }
}
