using Microsoft.ML.OnnxRuntime;

namespace VisionAspire.Models;

/// <summary>
/// Creates ONNX Runtime sessions with the configured execution provider. CUDA is tried (asked for, or with
/// <see cref="ExecutionProvider.Auto"/> when this build lists it) until it first fails; that failure is logged once,
/// with the fix, and that session and every later one run on the CPU. Thread-safe.
/// </summary>
internal sealed class SessionFactory
{
    private const string CudaProvider = "CUDAExecutionProvider";

    // ORT allows one environment per process; it must exist, at log level Error, before the first session or
    // options object creates a default one at Warning (UltraFace alone floods stderr with warnings).
    private static readonly Lazy<OrtEnv> Environment = new(CreateEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly InferenceOptions _options;
    private readonly Action<string> _log;
    private readonly bool _tryCuda;
    private int _cudaFailed;

    public SessionFactory(InferenceOptions options)
    {
        _options = options;
        _log = options.Log ?? (message => Console.Error.WriteLine(message));
        _tryCuda = options.Provider == ExecutionProvider.Cuda || (options.Provider == ExecutionProvider.Auto && BuildHasCuda);
        if (options.Provider == ExecutionProvider.Auto && !BuildHasCuda)
        {
            _log("ONNX Runtime is the CPU build: sessions run on the CPU. For CUDA build with -p:InferenceFlavor=Gpu.");
        }
    }

    /// <summary>Whether this ONNX Runtime build has the CUDA provider (the GPU package); it cannot tell whether a GPU is there.</summary>
    public static bool BuildHasCuda => Environment.Value.GetAvailableProviders().Contains(CudaProvider);

    /// <summary>The provider the next session gets: CUDA while it is wanted and has not failed, else CPU.</summary>
    public ExecutionProvider Provider =>
        _tryCuda && Volatile.Read(ref _cudaFailed) == 0 ? ExecutionProvider.Cuda : ExecutionProvider.Cpu;

    public InferenceSession Open(string modelPath) => Open(options => new InferenceSession(modelPath, options));

    /// <summary>A session over model bytes held in memory (an uploaded model).</summary>
    public InferenceSession Open(byte[] model) => Open(options => new InferenceSession(model, options));

    private InferenceSession Open(Func<SessionOptions, InferenceSession> create)
    {
        if (Provider == ExecutionProvider.Cuda)
        {
            try
            {
                return Create(create, cuda: true);
            }
            // Deliberately broad: the CPU package throws EntryPointNotFoundException, the GPU package an
            // OnnxRuntimeException when the CUDA/cuDNN libraries or a device are missing, and others are possible.
            catch (Exception e)
            {
                if (Interlocked.Exchange(ref _cudaFailed, 1) == 0)
                {
                    _log(FallbackMessage(e));
                }
            }
        }
        return Create(create, cuda: false);
    }

    private InferenceSession Create(Func<SessionOptions, InferenceSession> create, bool cuda)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(0, _options.IntraOpThreads),
            InterOpNumThreads = Math.Max(0, _options.InterOpThreads),
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (cuda)
        {
            options.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
        }
        return create(options);
    }

    private static string FallbackMessage(Exception e)
    {
        var fix = e is EntryPointNotFoundException
            ? "this is the CPU build of ONNX Runtime: build with -p:InferenceFlavor=Gpu"
            : "install the CUDA 13 and cuDNN 9 runtime libraries where the loader finds them (LD_LIBRARY_PATH) and check the GPU driver";
        return $"CUDA execution provider unavailable, using CPU ({e.GetType().Name}: {FirstLine(e.Message)}). " +
               $"Fix: {fix}, or set Vision:Inference:Provider=cpu.";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static OrtEnv CreateEnvironment()
    {
        if (OrtEnv.IsCreated)
        {
            return OrtEnv.Instance();
        }
        var options = new EnvironmentCreationOptions { logId = "VisionAspire", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }
}
