using System.Runtime.InteropServices;

namespace VisionAspire.Models.Native;

/// <summary>Base for ORT objects: owns the pointer and releases it with the matching Release* function.</summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    protected OrtHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Raw pointer for a native call; callers keep this SafeHandle alive for the duration of the call.</summary>
    public nint Pointer => handle;

    /// <summary>Takes ownership of a pointer returned by ORT.</summary>
    public void Adopt(nint pointer) => SetHandle(pointer);
}

internal sealed unsafe class OrtEnvHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Instance.ReleaseEnv(handle);
        return true;
    }
}

internal sealed unsafe class OrtSessionOptionsHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Instance.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed unsafe class OrtSessionHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Instance.ReleaseSession(handle);
        return true;
    }
}

internal sealed unsafe class OrtMemoryInfoHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Instance.ReleaseMemoryInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtValueHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Instance.ReleaseValue(handle);
        return true;
    }
}
