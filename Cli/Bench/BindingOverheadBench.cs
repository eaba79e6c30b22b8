using System.Diagnostics;
using System.Runtime.InteropServices;
using VisionAspire.Models;
using VisionAspire.Models.Native;

namespace VisionAspire.Cli.Bench;

/// <summary>
/// Our <see cref="InferenceSession.Run(ReadOnlySpan{NamedTensor}, ReadOnlySpan{NamedTensor})"/> against calling the
/// OrtApi Run pointer directly with OrtValues made once up front, on the same session. The three variants are
/// interleaved call by call and each is summarised by its median, so background load hits all of them alike.
/// </summary>
internal static unsafe class BindingOverheadBench
{
    public sealed record Result(string Model, double RawMs, double WrapperMs, double AllocatingWrapperMs)
    {
        public double OverheadPercent => (WrapperMs / RawMs - 1) * 100;
        public double AllocatingOverheadPercent => (AllocatingWrapperMs / RawMs - 1) * 100;
    }

    public static Result Run(ModelStore store, string modelId, int rounds)
    {
        using var session = store.Open(modelId);
        var input = session.Inputs[0];
        var output = session.Outputs[0];
        var inputTensor = new Tensor<float>([.. input.Shape]);
        var outputTensor = new Tensor<float>([.. output.Shape]);
        var inputs = new[] { new NamedTensor(input.Name, inputTensor) };
        var outputs = new[] { new NamedTensor(output.Name, outputTensor) };

        var api = session.Api;
        var inputPin = GCHandle.Alloc(inputTensor.Data, GCHandleType.Pinned);
        var outputPin = GCHandle.Alloc(outputTensor.Data, GCHandleType.Pinned);
        var inputName = Marshal.StringToCoTaskMemUTF8(input.Name);
        var outputName = Marshal.StringToCoTaskMemUTF8(output.Name);
        var inputValue = CreateValue(api, inputPin, inputTensor);
        var outputValue = CreateValue(api, outputPin, outputTensor);
        try
        {
            void Raw()
            {
                var names = (byte*)inputName;
                var outNames = (byte*)outputName;
                var inValue = inputValue;
                var outValue = outputValue;
                api.Check(api.Run(session.Handle.Pointer, 0, &names, &inValue, 1, &outNames, 1, &outValue), "Run");
            }
            void Wrapper() => session.Run(inputs, outputs);
            void Allocating() => session.Run(inputs);

            for (var i = 0; i < 5; i++)
            {
                Raw();
                Wrapper();
                Allocating();
            }
            var raw = new List<double>();
            var wrapper = new List<double>();
            var allocating = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                raw.Add(Time(Raw));
                wrapper.Add(Time(Wrapper));
                allocating.Add(Time(Allocating));
            }
            return new Result(modelId, Stopwatches.Median(raw), Stopwatches.Median(wrapper), Stopwatches.Median(allocating));
        }
        finally
        {
            api.ReleaseValue(inputValue);
            api.ReleaseValue(outputValue);
            Marshal.FreeCoTaskMem(inputName);
            Marshal.FreeCoTaskMem(outputName);
            inputPin.Free();
            outputPin.Free();
        }
    }

    private static double Time(Action call)
    {
        var started = Stopwatch.GetTimestamp();
        call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static nint CreateValue(OrtApi api, GCHandle pin, Tensor<float> tensor)
    {
        var shape = tensor.Shape.ToArray();
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(api.CreateTensorWithDataAsOrtValue(OrtEnvironment.Instance.CpuMemory.Pointer, (void*)pin.AddrOfPinnedObject(),
                (nuint)(tensor.Data.Length * sizeof(float)), dims, (nuint)shape.Length, (int)TensorElementType.Float, &value),
                "CreateTensorWithDataAsOrtValue");
        }
        return value;
    }
}
