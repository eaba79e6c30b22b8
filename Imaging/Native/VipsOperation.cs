using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace VisionAspire.Imaging.Native;

/// <summary>
/// Calls one libvips operation by name through the generic GObject route: create, set named arguments,
/// build (through the operation cache), read named outputs, dispose. Not thread-safe; use one per call.
/// An argument's GType (and its fundamental type) comes from its GParamSpec, cached per (operation, argument); enum
/// values are cached per (GType, nick).
/// </summary>
internal sealed unsafe class VipsOperation : IDisposable
{
    // Offset of GParamSpec.value_type: GTypeInstance (pointer), name (pointer), flags (int + padding).
    private const int ParamSpecValueTypeOffset = 16 + 8;

    private static readonly ConcurrentDictionary<(string Operation, string Argument), ArgumentType> ArgumentTypes = new();
    private static readonly ConcurrentDictionary<(nint GType, string Nick), int> EnumValues = new();

    private readonly string _name;
    private GObjectHandle _handle;

    private VipsOperation(string name, GObjectHandle handle)
    {
        _name = name;
        _handle = handle;
    }

    public static VipsOperation Create(string name)
    {
        VipsRuntime.EnsureInitialized();
        var handle = LibVips.vips_operation_new(name);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new ImagingException($"libvips has no operation '{name}': {VipsRuntime.TakeError()}");
        }

        return new VipsOperation(name, handle);
    }

    /// <summary>True when this libvips build has the named operation (e.g. an optional saver).</summary>
    public static bool Exists(string name)
    {
        VipsRuntime.EnsureInitialized();
        return LibVips.vips_type_find("VipsOperation", name) != 0;
    }

    public VipsOperation Set(string argument, int value)
    {
        var (gtype, fundamental) = TypeOf(argument);
        var v = default(GValue);
        GObject.g_value_init(&v, gtype);
        switch (fundamental)
        {
            case FundamentalType.Int: GObject.g_value_set_int(&v, value); break;
            case FundamentalType.UInt: GObject.g_value_set_uint(&v, checked((uint)value)); break;
            case FundamentalType.Int64: GObject.g_value_set_int64(&v, value); break;
            case FundamentalType.UInt64: GObject.g_value_set_uint64(&v, checked((ulong)value)); break;
            case FundamentalType.Double: GObject.g_value_set_double(&v, value); break;
            case FundamentalType.Float: GObject.g_value_set_float(&v, value); break;
            case FundamentalType.Boolean: GObject.g_value_set_boolean(&v, value != 0 ? 1 : 0); break;
            case FundamentalType.Enum: GObject.g_value_set_enum(&v, value); break;
            case FundamentalType.Flags: GObject.g_value_set_flags(&v, checked((uint)value)); break;
            default: throw WrongType(argument, gtype, "an integer");
        }

        return Commit(argument, &v);
    }

    public VipsOperation Set(string argument, double value)
    {
        var (gtype, fundamental) = TypeOf(argument);
        if (fundamental == FundamentalType.Boxed)
        {
            return Set(argument, [value]);
        }

        var v = default(GValue);
        GObject.g_value_init(&v, gtype);
        switch (fundamental)
        {
            case FundamentalType.Double: GObject.g_value_set_double(&v, value); break;
            case FundamentalType.Float: GObject.g_value_set_float(&v, (float)value); break;
            case FundamentalType.Int: GObject.g_value_set_int(&v, checked((int)Math.Round(value))); break;
            default:
                GObject.g_value_unset(&v);
                throw WrongType(argument, gtype, "a number");
        }

        return Commit(argument, &v);
    }

    public VipsOperation Set(string argument, bool value)
    {
        var v = Init(argument, FundamentalType.Boolean, "a boolean");
        GObject.g_value_set_boolean(&v, value ? 1 : 0);
        return Commit(argument, &v);
    }

    public VipsOperation Set(string argument, string value)
    {
        var v = Init(argument, FundamentalType.String, "a string");
        GObject.g_value_set_string(&v, value);
        return Commit(argument, &v);
    }

    /// <summary>Sets an enum argument from its nick, e.g. ("size", "down") or ("space", "srgb").</summary>
    public VipsOperation SetEnum(string argument, string nick)
    {
        var (gtype, fundamental) = TypeOf(argument);
        if (fundamental != FundamentalType.Enum)
        {
            throw WrongType(argument, gtype, "an enum");
        }

        var value = EnumValue(argument, gtype, nick);
        var v = default(GValue);
        GObject.g_value_init(&v, gtype);
        GObject.g_value_set_enum(&v, value);
        return Commit(argument, &v);
    }

    public VipsOperation Set(string argument, VipsImage image)
    {
        var v = Init(argument, FundamentalType.Object, "an image");
        GObject.g_value_set_object(&v, image.Handle);
        return Commit(argument, &v);
    }

    /// <summary>Sets a boxed argument (blob or array); the operation takes its own reference.</summary>
    public VipsOperation Set(string argument, VipsAreaHandle area)
    {
        var v = Init(argument, FundamentalType.Boxed, "a blob or array");
        GObject.g_value_set_boxed(&v, area);
        return Commit(argument, &v);
    }

    public VipsOperation Set(string argument, ReadOnlySpan<double> values)
    {
        using var area = VipsAreaHandle.ArrayDouble(values);
        return Set(argument, area);
    }

    public VipsOperation Set(string argument, ReadOnlySpan<int> values)
    {
        using var area = VipsAreaHandle.ArrayInt(values);
        return Set(argument, area);
    }

    /// <summary>
    /// Builds the operation. On failure the libvips error text is taken at once and passed to
    /// <paramref name="error"/> (default: <see cref="ImagingException"/>); a killed evaluation is always
    /// <see cref="ImageProcessingCancelledException"/>.
    /// </summary>
    public void Build(Func<string, ImagingException>? error = null)
    {
        var built = LibVips.vips_cache_operation_build(_handle);
        if (built == 0)
        {
            var message = $"{_name}: {VipsRuntime.TakeError()}";
            if (VipsRuntime.IsKilled(message))
            {
                throw new ImageProcessingCancelledException(message);
            }

            throw error?.Invoke(message) ?? new ImagingException(message);
        }

        // The cache hands back a new reference, possibly to an equal earlier operation.
        _handle.Dispose();
        _handle = new GObjectHandle(built);
    }

    /// <summary>Reads an output image; the caller owns (and must dispose) the result.</summary>
    public VipsImage GetImage(string argument, ImageFormat sourceFormat)
    {
        var v = Read(argument);
        try
        {
            var image = GObject.g_value_get_object(&v);
            return new VipsImage(new GObjectHandle(GObject.g_object_ref(image)), sourceFormat);
        }
        finally
        {
            GObject.g_value_unset(&v);
        }
    }

    public int GetInt(string argument)
    {
        var v = Read(argument);
        try
        {
            return TypeOf(argument).Fundamental switch
            {
                FundamentalType.Boolean => GObject.g_value_get_boolean(&v),
                FundamentalType.Enum => GObject.g_value_get_enum(&v),
                FundamentalType.Int64 => checked((int)GObject.g_value_get_int64(&v)),
                _ => GObject.g_value_get_int(&v),
            };
        }
        finally
        {
            GObject.g_value_unset(&v);
        }
    }

    public double GetDouble(string argument)
    {
        var v = Read(argument);
        try
        {
            return GObject.g_value_get_double(&v);
        }
        finally
        {
            GObject.g_value_unset(&v);
        }
    }

    /// <summary>Copies an output VipsBlob (e.g. the "buffer" of a saver) into a managed array.</summary>
    public byte[] GetBlob(string argument)
    {
        var v = Read(argument);
        try
        {
            nuint length;
            var data = LibVips.vips_blob_get(GObject.g_value_get_boxed(&v), &length);
            return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
        }
        finally
        {
            GObject.g_value_unset(&v);
        }
    }

    public void Dispose()
    {
        if (!_handle.IsClosed)
        {
            // Outputs hold a reference back to the operation; drop them or the operation never dies.
            LibVips.vips_object_unref_outputs(_handle);
        }

        _handle.Dispose();
    }

    private GValue Init(string argument, nint expectedFundamental, string expected)
    {
        var (gtype, fundamental) = TypeOf(argument);
        if (fundamental != expectedFundamental)
        {
            throw WrongType(argument, gtype, expected);
        }

        var v = default(GValue);
        GObject.g_value_init(&v, gtype);
        return v;
    }

    private VipsOperation Commit(string argument, GValue* value)
    {
        try
        {
            GObject.g_object_set_property(_handle, argument, value);
        }
        finally
        {
            GObject.g_value_unset(value);
        }

        return this;
    }

    private GValue Read(string argument)
    {
        var v = default(GValue);
        GObject.g_value_init(&v, TypeOf(argument).GType);
        GObject.g_object_get_property(_handle, argument, &v);
        return v;
    }

    private int EnumValue(string argument, nint gtype, string nick)
    {
        if (EnumValues.TryGetValue((gtype, nick), out var cached))
        {
            return cached;
        }

        var value = LibVips.vips_enum_from_nick("VisionAspire", gtype, nick);
        if (value < 0)
        {
            throw new ArgumentException($"'{nick}' is not a valid {_name}.{argument}: {VipsRuntime.TakeError()}", nameof(nick));
        }

        EnumValues[(gtype, nick)] = value;
        return value;
    }

    private ArgumentType TypeOf(string argument)
    {
        if (ArgumentTypes.TryGetValue((_name, argument), out var cached))
        {
            return cached;
        }

        var success = false;
        _handle.DangerousAddRef(ref success);
        try
        {
            // G_OBJECT_GET_CLASS: the first word of every GTypeInstance is its class pointer.
            var objectClass = *(nint*)_handle.DangerousGetHandle();
            var spec = GObject.g_object_class_find_property(objectClass, argument);
            if (spec == 0)
            {
                throw new ArgumentException($"libvips operation '{_name}' has no argument '{argument}'.", nameof(argument));
            }

            var gtype = *(nint*)(spec + ParamSpecValueTypeOffset);
            var type = new ArgumentType(gtype, GObject.g_type_fundamental(gtype));
            ArgumentTypes[(_name, argument)] = type;
            return type;
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    private ArgumentException WrongType(string argument, nint gtype, string given) =>
        new($"{_name}.{argument} is a {Marshal.PtrToStringUTF8(GObject.g_type_name(gtype))}, not {given}.", nameof(argument));

    private readonly record struct ArgumentType(nint GType, nint Fundamental);
}
