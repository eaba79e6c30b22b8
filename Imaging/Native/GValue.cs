using System.Runtime.InteropServices;

namespace VisionAspire.Imaging.Native;

/// <summary>Binary layout of GLib's GValue (a GType plus two 8-byte data words). Must be zeroed before g_value_init.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GValue
{
    public nint GType;
    public ulong Data0;
    public ulong Data1;
}

/// <summary>Fundamental GType ids (G_TYPE_MAKE_FUNDAMENTAL(n) = n &lt;&lt; 2); stable GLib ABI.</summary>
internal static class FundamentalType
{
    public const nint Boolean = 5 << 2;
    public const nint Int = 6 << 2;
    public const nint UInt = 7 << 2;
    public const nint Int64 = 10 << 2;
    public const nint UInt64 = 11 << 2;
    public const nint Enum = 12 << 2;
    public const nint Flags = 13 << 2;
    public const nint Float = 14 << 2;
    public const nint Double = 15 << 2;
    public const nint String = 16 << 2;
    public const nint Boxed = 18 << 2;
    public const nint Object = 20 << 2;
}
