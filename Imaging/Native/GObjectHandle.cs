using Microsoft.Win32.SafeHandles;

namespace VisionAspire.Imaging.Native;

/// <summary>Owns one GObject reference (a VipsImage or a VipsOperation); releasing drops it with g_object_unref.</summary>
internal sealed class GObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GObjectHandle() : base(ownsHandle: true)
    {
    }

    internal GObjectHandle(nint existing) : base(ownsHandle: true) => SetHandle(existing);

    protected override bool ReleaseHandle()
    {
        GObject.g_object_unref(handle);
        return true;
    }
}
