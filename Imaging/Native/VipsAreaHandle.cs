using Microsoft.Win32.SafeHandles;

namespace VisionAspire.Imaging.Native;

/// <summary>Owns one reference to a VipsArea (VipsBlob, VipsArrayDouble, VipsArrayInt).</summary>
internal sealed class VipsAreaHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VipsAreaHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibVips.vips_area_unref(handle);
        return true;
    }

    /// <summary>Copies <paramref name="data"/> into a new VipsBlob. Loaders read lazily, so they must never see managed memory.</summary>
    public static unsafe VipsAreaHandle CopyBlob(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            return Checked(LibVips.vips_blob_copy(p, (nuint)data.Length));
        }
    }

    public static unsafe VipsAreaHandle ArrayDouble(ReadOnlySpan<double> values)
    {
        fixed (double* p = values)
        {
            return Checked(LibVips.vips_array_double_new(p, values.Length));
        }
    }

    public static unsafe VipsAreaHandle ArrayInt(ReadOnlySpan<int> values)
    {
        fixed (int* p = values)
        {
            return Checked(LibVips.vips_array_int_new(p, values.Length));
        }
    }

    private static VipsAreaHandle Checked(VipsAreaHandle area) =>
        area.IsInvalid ? throw new OutOfMemoryException("libvips could not allocate an area.") : area;
}
