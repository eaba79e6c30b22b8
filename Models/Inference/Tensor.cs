using System.Runtime.InteropServices;

namespace VisionAspire.Models;

/// <summary>A dense tensor in a managed array, shared with ONNX Runtime without copying (pinned during a run).</summary>
public abstract class Tensor
{
    private readonly long[] _shape;

    private protected Tensor(long[] shape, TensorElementType elementType)
    {
        _shape = shape;
        ElementType = elementType;
        ElementCount = shape.Aggregate(1L, (count, dim) => count * dim);
    }

    public TensorElementType ElementType { get; }
    public IReadOnlyList<long> Shape => _shape;
    public long ElementCount { get; }

    internal long[] ShapeArray => _shape;
    internal abstract nuint ByteLength { get; }
    internal abstract GCHandle Pin();

    /// <summary>This tensor with its element type, or an <see cref="InvalidCastException"/> naming both types.</summary>
    public Tensor<T> As<T>() where T : unmanaged =>
        this as Tensor<T> ?? throw new InvalidCastException($"Tensor holds {ElementType}, not {typeof(T).Name}.");
}

public sealed class Tensor<T> : Tensor where T : unmanaged
{
    public Tensor(T[] data, params long[] shape) : base(shape, ElementTypes.Of<T>())
    {
        if (shape.Any(dim => dim < 0) || ElementCount != data.LongLength)
        {
            throw new ArgumentException($"Shape [{string.Join(",", shape)}] does not hold {data.LongLength} elements.", nameof(shape));
        }
        Data = data;
    }

    public Tensor(params long[] shape) : this(new T[shape.Aggregate(1L, (count, dim) => count * dim)], shape)
    {
    }

    public T[] Data { get; }

    /// <summary>A tensor whose memory is not zeroed: for buffers the caller overwrites completely.</summary>
    public static Tensor<T> Uninitialized(params long[] shape) =>
        new(GC.AllocateUninitializedArray<T>(checked((int)shape.Aggregate(1L, (count, dim) => count * dim))), shape);

    internal override unsafe nuint ByteLength => (nuint)Data.LongLength * (nuint)sizeof(T);
    internal override GCHandle Pin() => GCHandle.Alloc(Data, GCHandleType.Pinned);
}

internal static class ElementTypes
{
    public static TensorElementType Of<T>() where T : unmanaged => typeof(T) switch
    {
        var t when t == typeof(float) => TensorElementType.Float,
        var t when t == typeof(Half) => TensorElementType.Float16,
        var t when t == typeof(double) => TensorElementType.Double,
        var t when t == typeof(byte) => TensorElementType.UInt8,
        var t when t == typeof(sbyte) => TensorElementType.Int8,
        var t when t == typeof(short) => TensorElementType.Int16,
        var t when t == typeof(ushort) => TensorElementType.UInt16,
        var t when t == typeof(int) => TensorElementType.Int32,
        var t when t == typeof(uint) => TensorElementType.UInt32,
        var t when t == typeof(long) => TensorElementType.Int64,
        var t when t == typeof(ulong) => TensorElementType.UInt64,
        var t when t == typeof(bool) => TensorElementType.Bool,
        _ => throw new NotSupportedException($"{typeof(T).Name} is not an ONNX tensor element type."),
    };

    /// <summary>A tensor of the given element type whose memory is not zeroed (for buffers that get overwritten).</summary>
    public static Tensor Uninitialized(TensorElementType type, long[] shape) => type switch
    {
        TensorElementType.Float => Tensor<float>.Uninitialized(shape),
        TensorElementType.Float16 => Tensor<Half>.Uninitialized(shape),
        TensorElementType.Double => Tensor<double>.Uninitialized(shape),
        TensorElementType.UInt8 => Tensor<byte>.Uninitialized(shape),
        TensorElementType.Int8 => Tensor<sbyte>.Uninitialized(shape),
        TensorElementType.Int16 => Tensor<short>.Uninitialized(shape),
        TensorElementType.UInt16 => Tensor<ushort>.Uninitialized(shape),
        TensorElementType.Int32 => Tensor<int>.Uninitialized(shape),
        TensorElementType.UInt32 => Tensor<uint>.Uninitialized(shape),
        TensorElementType.Int64 => Tensor<long>.Uninitialized(shape),
        TensorElementType.UInt64 => Tensor<ulong>.Uninitialized(shape),
        TensorElementType.Bool => Tensor<bool>.Uninitialized(shape),
        _ => throw new NotSupportedException($"Element type {type} is not supported."),
    };

    /// <summary>Copies native tensor data into a new managed tensor of the matching element type.</summary>
    public static unsafe Tensor Copy(TensorElementType type, void* data, long[] shape, long count) => type switch
    {
        TensorElementType.Float => CopyAs<float>(data, shape, count),
        TensorElementType.Float16 => CopyAs<Half>(data, shape, count),
        TensorElementType.Double => CopyAs<double>(data, shape, count),
        TensorElementType.UInt8 => CopyAs<byte>(data, shape, count),
        TensorElementType.Int8 => CopyAs<sbyte>(data, shape, count),
        TensorElementType.Int16 => CopyAs<short>(data, shape, count),
        TensorElementType.UInt16 => CopyAs<ushort>(data, shape, count),
        TensorElementType.Int32 => CopyAs<int>(data, shape, count),
        TensorElementType.UInt32 => CopyAs<uint>(data, shape, count),
        TensorElementType.Int64 => CopyAs<long>(data, shape, count),
        TensorElementType.UInt64 => CopyAs<ulong>(data, shape, count),
        TensorElementType.Bool => CopyAs<bool>(data, shape, count),
        _ => throw new NotSupportedException($"Output element type {type} is not supported."),
    };

    private static unsafe Tensor<T> CopyAs<T>(void* data, long[] shape, long count) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(checked((int)count));
        new ReadOnlySpan<T>(data, array.Length).CopyTo(array);
        return new Tensor<T>(array, shape);
    }
}
