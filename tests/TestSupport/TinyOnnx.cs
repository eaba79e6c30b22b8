using System.Text;

namespace VisionAspire.TestSupport;

/// <summary>
/// Writes minimal ONNX models (protobuf by hand, no ONNX package needed): one float input of a given shape passed
/// through an Identity node, so tests get graphs of any rank and output size. The field numbers are onnx.proto's.
/// </summary>
public static class TinyOnnx
{
    private const int FloatElementType = 1;

    /// <summary>y = Identity(x), x and y float tensors of <paramref name="shape"/>.</summary>
    public static byte[] Identity(params long[] shape)
    {
        var node = Message(Text(1, "x"), Text(2, "y"), Text(4, "Identity"));
        var graph = Message(Field(1, node), Text(2, "identity"), Field(11, ValueInfo("x", shape)), Field(12, ValueInfo("y", shape)));
        var opset = Message(Text(1, ""), Varint(2, 13));
        return Message(Varint(1, 8), Field(7, graph), Field(8, opset));
    }

    private static byte[] ValueInfo(string name, long[] shape)
    {
        var dims = Message([.. shape.Select(d => Field(1, Message(Varint(1, d))))]);
        var tensor = Message(Varint(1, FloatElementType), Field(2, dims));
        return Message(Text(1, name), Field(2, Message(Field(1, tensor))));
    }

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Text(int number, string value) => Field(number, Encoding.UTF8.GetBytes(value));

    private static byte[] Field(int number, byte[] bytes) => [.. Raw((ulong)(number << 3 | 2)), .. Raw((ulong)bytes.Length), .. bytes];

    private static byte[] Varint(int number, long value) => [.. Raw((ulong)(number << 3)), .. Raw((ulong)value)];

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
