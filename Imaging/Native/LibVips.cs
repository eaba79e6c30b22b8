using System.Runtime.InteropServices;

namespace VisionAspire.Imaging.Native;

/// <summary>libvips 8.14 entry points. Only fixed-argument functions: every operation runs through <see cref="VipsOperation"/>.</summary>
internal static unsafe partial class LibVips
{
    private const string Library = "libvips.so.42";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_init(string argv0);

    [LibraryImport(Library)]
    public static partial void vips_cache_set_max(int max);

    [LibraryImport(Library)]
    public static partial void vips_cache_set_max_mem(nuint maxBytes);

    [LibraryImport(Library)]
    public static partial void vips_cache_set_max_files(int max);

    [LibraryImport(Library)]
    public static partial void vips_block_untrusted_set(int state);

    /// <summary>A g_malloc'd copy of the error buffer, which libvips clears under its own lock.</summary>
    [LibraryImport(Library)]
    public static partial nint vips_error_buffer_copy();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GObjectHandle vips_operation_new(string name);

    [LibraryImport(Library)]
    public static partial nint vips_cache_operation_build(GObjectHandle operation);

    [LibraryImport(Library)]
    public static partial void vips_object_unref_outputs(GObjectHandle obj);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_type_find(string basename, string nickname);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_enum_from_nick(string domain, nint gtype, string nick);

    [LibraryImport(Library)]
    public static partial VipsAreaHandle vips_blob_copy(void* data, nuint length);

    [LibraryImport(Library)]
    public static partial void* vips_blob_get(nint blob, nuint* length);

    [LibraryImport(Library)]
    public static partial VipsAreaHandle vips_array_double_new(double* values, int n);

    [LibraryImport(Library)]
    public static partial VipsAreaHandle vips_array_int_new(int* values, int n);

    [LibraryImport(Library)]
    public static partial void vips_area_unref(nint area);

    [LibraryImport(Library)]
    public static partial int vips_image_get_width(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_height(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_bands(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_format(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_guess_interpretation(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_hasalpha(GObjectHandle image);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_image_get_typeof(GObjectHandle image, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_get_int(GObjectHandle image, string name, int* value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_get_string(GObjectHandle image, string name, nint* value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void vips_image_set_int(GObjectHandle image, string name, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void vips_image_set_double(GObjectHandle image, string name, double value);

    [LibraryImport(Library)]
    public static partial void vips_image_set_kill(GObjectHandle image, int kill);

    /// <summary>Wraps caller-owned memory as an image to write into; libvips never frees <paramref name="data"/>.</summary>
    [LibraryImport(Library)]
    public static partial GObjectHandle vips_image_new_from_memory(void* data, nuint size, int width, int height, int bands, int format);

    /// <summary>Computes every pixel of <paramref name="image"/> into <paramref name="output"/> (e.g. a memory image), then unlinks them.</summary>
    [LibraryImport(Library)]
    public static partial int vips_image_write(GObjectHandle image, GObjectHandle output);

    [LibraryImport(Library)]
    public static partial GObjectHandle vips_image_copy_memory(GObjectHandle image);

    [LibraryImport(Library)]
    public static partial GObjectHandle vips_image_new_matrix_from_array(int width, int height, double* array, int size);

    [LibraryImport(Library)]
    public static partial GObjectHandle vips_image_new_from_memory_copy(void* data, nuint size, int width, int height, int bands, int format);

    [LibraryImport(Library)]
    public static partial nint vips_interpretation_get_type();

    [LibraryImport(Library)]
    public static partial nint vips_enum_nick(nint gtype, int value);
}
