using System.Runtime.InteropServices;

namespace VisionAspire.Models.Native;

/// <summary>
/// The subset of the <c>OrtApi</c> function table we call, read by slot index (see <see cref="OrtApiSlot"/>).
/// Opaque ORT objects are passed as <see cref="nint"/>; every status-returning call goes through <see cref="Check"/>.
/// Thread-safe: the table is immutable after construction.
/// </summary>
internal sealed unsafe class OrtApi
{
    public OrtApi(nint* table, uint apiVersion, string libraryVersion, string libraryPath)
    {
        ApiVersion = apiVersion;
        LibraryVersion = libraryVersion;
        LibraryPath = libraryPath;

        GetErrorCode = (delegate* unmanaged<nint, int>)table[OrtApiSlot.GetErrorCode];
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)table[OrtApiSlot.GetErrorMessage];
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)table[OrtApiSlot.CreateEnv];
        CreateSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)table[OrtApiSlot.CreateSession];
        Run = (delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)table[OrtApiSlot.Run];
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)table[OrtApiSlot.CreateSessionOptions];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)table[OrtApiSlot.SetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)table[OrtApiSlot.SetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)table[OrtApiSlot.SetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)table[OrtApiSlot.SessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)table[OrtApiSlot.SessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)table[OrtApiSlot.SessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)table[OrtApiSlot.SessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)table[OrtApiSlot.SessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)table[OrtApiSlot.SessionGetOutputName];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[OrtApiSlot.CreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)table[OrtApiSlot.GetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)table[OrtApiSlot.CastTypeInfoToTensorInfo];
        GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)table[OrtApiSlot.GetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)table[OrtApiSlot.GetDimensionsCount];
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)table[OrtApiSlot.GetDimensions];
        GetTensorShapeElementCount = (delegate* unmanaged<nint, nuint*, nint>)table[OrtApiSlot.GetTensorShapeElementCount];
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)table[OrtApiSlot.GetTensorTypeAndShape];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)table[OrtApiSlot.CreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)table[OrtApiSlot.AllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)table[OrtApiSlot.GetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseSession];
        ReleaseValue = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)table[OrtApiSlot.ReleaseSessionOptions];
        AddSessionConfigEntry = (delegate* unmanaged<nint, byte*, byte*, nint>)table[OrtApiSlot.AddSessionConfigEntry];
        SessionOptionsAppendExecutionProviderCuda = (delegate* unmanaged<nint, OrtCudaProviderOptions*, nint>)table[OrtApiSlot.SessionOptionsAppendExecutionProvider_CUDA];
    }

    public uint ApiVersion { get; }
    public string LibraryVersion { get; }
    public string LibraryPath { get; }

    public readonly delegate* unmanaged<nint, int> GetErrorCode;
    public readonly delegate* unmanaged<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSession;
    public readonly delegate* unmanaged<nint, void> ReleaseValue;
    public readonly delegate* unmanaged<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged<nint, byte*, byte*, nint> AddSessionConfigEntry;
    public readonly delegate* unmanaged<nint, OrtCudaProviderOptions*, nint> SessionOptionsAppendExecutionProviderCuda;

    /// <summary>Throws <see cref="OnnxRuntimeException"/> for a non-null status, releasing it first.</summary>
    public void Check(nint status, string operation)
    {
        if (status != 0)
        {
            throw ToException(status, operation);
        }
    }

    /// <summary>Reads code and message of a failed status, releases it, and returns the exception to throw.</summary>
    public OnnxRuntimeException ToException(nint status, string operation)
    {
        var code = GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
        ReleaseStatus(status);
        return new OnnxRuntimeException($"{operation} failed ({(OrtErrorCode)code}): {message}", code);
    }

    private enum OrtErrorCode
    {
        Ok, Fail, InvalidArgument, NoSuchFile, NoModel, EngineError, RuntimeException,
        InvalidProtobuf, ModelLoaded, NotImplemented, InvalidGraph, EpFail,
    }
}

/// <summary>Layout of the legacy <c>OrtCUDAProviderOptions</c> struct (including the tunable-op fields added in 1.14).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OrtCudaProviderOptions
{
    public int DeviceId;
    public int CudnnConvAlgoSearch;
    public nuint GpuMemLimit;
    public int ArenaExtendStrategy;
    public int DoCopyInDefaultStream;
    public int HasUserComputeStream;
    public nint UserComputeStream;
    public nint DefaultMemoryArenaCfg;
    public int TunableOpEnable;
    public int TunableOpTuningEnable;
    public int TunableOpMaxTuningDurationMs;
}
