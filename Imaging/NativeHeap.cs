using System.Runtime.InteropServices;

namespace VisionAspire.Imaging;

/// <summary>
/// glibc's allocator, where libvips (and the codecs under it) get their working buffers. By default glibc maps
/// blocks above a threshold with their own mmap and hands freed memory at the heap's top back to the kernel above
/// 128 KiB, so every image operation asked the kernel for fresh pages again, faulted each one in and zeroed it:
/// a sixth of an operation's CPU on a 2040x1360 resize (BENCHMARKS.md, "Through the Api against sharp 0.35").
/// </summary>
public static class NativeHeap
{
    /// <summary>Blocks below this come from the heap, and up to this much free memory stays at each arena's top.</summary>
    public const int RetainedBytes = 32 * 1024 * 1024;

    // mallopt parameters from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>
    /// Keeps libvips' working buffers in the process between operations (<see cref="RetainedBytes"/> per arena at
    /// most) instead of returning them to the kernel after each one. Process-wide; call once at start-up. Returns
    /// false where the C library is not glibc (nothing changed).
    /// </summary>
    public static bool RetainWorkingBuffers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // mallopt answers 1 on success; other C libraries have no libc.so.6 or answer 0.
            return Mallopt(MmapThreshold, RetainedBytes) == 1 && Mallopt(TrimThreshold, RetainedBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
