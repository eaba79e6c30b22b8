using System.Runtime.InteropServices;

namespace VisionAspire.Imaging.Native;

/// <summary>The few libgobject-2.0 / libglib-2.0 entry points the generic operation route needs. None is variadic.</summary>
internal static unsafe partial class GObject
{
    private const string GObjectLibrary = "libgobject-2.0.so.0";
    private const string GLibLibrary = "libglib-2.0.so.0";

    [LibraryImport(GObjectLibrary)]
    public static partial GValue* g_value_init(GValue* value, nint gtype);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_unset(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_boolean(GValue* value, int v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_int(GValue* value, int v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_uint(GValue* value, uint v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_int64(GValue* value, long v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_uint64(GValue* value, ulong v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_float(GValue* value, float v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_double(GValue* value, double v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_enum(GValue* value, int v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_flags(GValue* value, uint v);

    [LibraryImport(GObjectLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_value_set_string(GValue* value, string v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_object(GValue* value, GObjectHandle v);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_value_set_boxed(GValue* value, VipsAreaHandle v);

    [LibraryImport(GObjectLibrary)]
    public static partial int g_value_get_boolean(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial int g_value_get_int(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial long g_value_get_int64(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial double g_value_get_double(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial int g_value_get_enum(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial nint g_value_get_object(GValue* value);

    [LibraryImport(GObjectLibrary)]
    public static partial nint g_value_get_boxed(GValue* value);

    [LibraryImport(GObjectLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_set_property(GObjectHandle obj, string name, GValue* value);

    [LibraryImport(GObjectLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_get_property(GObjectHandle obj, string name, GValue* value);

    [LibraryImport(GObjectLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint g_object_class_find_property(nint objectClass, string name);

    [LibraryImport(GObjectLibrary)]
    public static partial nint g_object_ref(nint obj);

    [LibraryImport(GObjectLibrary)]
    public static partial void g_object_unref(nint obj);

    [LibraryImport(GObjectLibrary)]
    public static partial nint g_type_fundamental(nint gtype);

    [LibraryImport(GObjectLibrary)]
    public static partial nint g_type_name(nint gtype);

    [LibraryImport(GLibLibrary)]
    public static partial void g_free(nint memory);

    [LibraryImport(GLibLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint g_log_set_handler(string logDomain, int logLevels, delegate* unmanaged<nint, int, nint, nint, void> handler, nint userData);
}
