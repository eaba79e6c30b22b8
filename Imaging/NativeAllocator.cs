using System.Runtime.InteropServices;

namespace VisionAspire.Imaging;

/// <summary>
/// Process-wide setting of the C allocator that libvips and ONNX Runtime allocate through. glibc gives the free
/// memory at the top of a heap back to the kernel once more than its trim threshold is free, and libvips
/// allocates (and zeroes) fresh region buffers for every evaluation, so each decode faulted those pages back in:
/// ~460 minor page faults per image in the Preprocessor, ~1.5 ms of CPU (BENCHMARKS.md). Keeping freed memory
/// for reuse removes that; a heap still grows only to its peak use. Thread-safe; a no-op where the C library
/// is not glibc.
/// </summary>
public static partial class NativeAllocator
{
    /// <summary>Free memory a glibc heap keeps for reuse before trimming (measured with 256 MiB).</summary>
    public const int DefaultRetainedBytes = 256 * 1024 * 1024;

    private const int TrimThreshold = -1;   // M_TRIM_THRESHOLD in malloc.h

    /// <summary>Sets glibc's trim threshold; returns false where that is not possible (not glibc).</summary>
    public static bool RetainFreedMemory(int bytes = DefaultRetainedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Mallopt(TrimThreshold, bytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
