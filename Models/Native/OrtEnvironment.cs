using System.Text;

namespace VisionAspire.Models.Native;

/// <summary>
/// The process-wide <c>OrtEnv</c> and CPU memory description. ORT allows one environment per process;
/// it lives until the process ends. Thread-safe.
/// </summary>
internal sealed unsafe class OrtEnvironment
{
    // Warning level floods stderr with "initializer appears in graph inputs" for older exports; errors still surface via statuses.
    private const int LoggingLevelError = 3;
    private const int DeviceAllocator = 0;
    private const int MemTypeDefault = 0;

    private static readonly Lazy<OrtEnvironment> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private OrtEnvironment(OrtApi api, OrtEnvHandle env, OrtMemoryInfoHandle cpuMemory)
    {
        Api = api;
        Env = env;
        CpuMemory = cpuMemory;
    }

    public static OrtEnvironment Instance => Shared.Value;

    public OrtApi Api { get; }
    public OrtEnvHandle Env { get; }
    public OrtMemoryInfoHandle CpuMemory { get; }

    private static OrtEnvironment Create()
    {
        var api = OrtLibrary.Instance;
        var env = new OrtEnvHandle();
        var logId = Encoding.UTF8.GetBytes("VisionAspire\0");
        nint envPtr;
        fixed (byte* id = logId)
        {
            api.Check(api.CreateEnv(LoggingLevelError, id, &envPtr), "CreateEnv");
        }
        env.Adopt(envPtr);

        var memory = new OrtMemoryInfoHandle();
        nint memoryPtr;
        api.Check(api.CreateCpuMemoryInfo(DeviceAllocator, MemTypeDefault, &memoryPtr), "CreateCpuMemoryInfo");
        memory.Adopt(memoryPtr);
        return new OrtEnvironment(api, env, memory);
    }
}
