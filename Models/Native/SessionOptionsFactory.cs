namespace VisionAspire.Models.Native;

/// <summary>Builds <c>OrtSessionOptions</c> from <see cref="InferenceOptions"/>, falling back from CUDA to CPU.</summary>
internal static unsafe class SessionOptionsFactory
{
    private const int GraphOptimizationAll = 99;

    /// <summary>Creates the options; <paramref name="fallbackReason"/> is set when CUDA was asked for but could not be appended.</summary>
    public static OrtSessionOptionsHandle Create(OrtApi api, InferenceOptions options, out ExecutionProvider provider, out string? fallbackReason)
    {
        var handle = new OrtSessionOptionsHandle();
        nint pointer;
        api.Check(api.CreateSessionOptions(&pointer), "CreateSessionOptions");
        handle.Adopt(pointer);
        try
        {
            api.Check(api.SetIntraOpNumThreads(pointer, Math.Max(0, options.IntraOpThreads)), "SetIntraOpNumThreads");
            api.Check(api.SetInterOpNumThreads(pointer, Math.Max(0, options.InterOpThreads)), "SetInterOpNumThreads");
            api.Check(api.SetSessionGraphOptimizationLevel(pointer, GraphOptimizationAll), "SetSessionGraphOptimizationLevel");

            provider = ExecutionProvider.Cpu;
            fallbackReason = null;
            if (options.Provider == ExecutionProvider.Cuda)
            {
                fallbackReason = TryAppendCuda(api, pointer, options.CudaDeviceId);
                provider = fallbackReason is null ? ExecutionProvider.Cuda : ExecutionProvider.Cpu;
            }
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    // A CPU-only build (or missing CUDA libraries) makes this call fail cleanly with a status, which is the
    // only reliable test: GetAvailableProviders lists CUDA even where it cannot load.
    private static string? TryAppendCuda(OrtApi api, nint options, int deviceId)
    {
        var cuda = new OrtCudaProviderOptions
        {
            DeviceId = deviceId,
            GpuMemLimit = nuint.MaxValue,
            DoCopyInDefaultStream = 1,
        };
        var status = api.SessionOptionsAppendExecutionProviderCuda(options, &cuda);
        return status == 0 ? null : api.ToException(status, "SessionOptionsAppendExecutionProvider_CUDA").Message;
    }
}
