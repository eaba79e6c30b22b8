using System.Runtime.InteropServices;

namespace VisionAspire.Models.Native;

/// <summary>Loads libonnxruntime once per process and hands out its <c>OrtApi</c> table.</summary>
internal static unsafe class OrtLibrary
{
    public const string PathVariable = "VISION_ORT_LIB";

    // Newest first; GetApi returns null for versions newer than the library.
    private const uint NewestApiVersion = 30;
    private const uint OldestApiVersion = 17;

    private static readonly Lazy<OrtApi> Api = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static OrtApi Instance => Api.Value;

    public static string ResolvePath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        return RepositoryLayout.UnderRoot(".tools", "onnxruntime", "libonnxruntime.so.1")
            ?? throw new OnnxRuntimeException(
                $"ONNX Runtime not found: {PathVariable} is not set and no VisionAspire.sln lies above {AppContext.BaseDirectory}. " +
                "Run scripts/setup.sh or point VISION_ORT_LIB at libonnxruntime.so.1.");
    }

    private static OrtApi Load()
    {
        var path = ResolvePath();
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeException($"ONNX Runtime library not found at '{path}'. Run scripts/setup.sh or set {PathVariable}.");
        }

        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new OnnxRuntimeException($"ONNX Runtime library at '{path}' could not be loaded: {e.Message}", inner: e);
        }

        var getApiBase = (delegate* unmanaged<OrtApiBase*>)NativeLibrary.GetExport(library, "OrtGetApiBase");
        var apiBase = getApiBase();
        var version = Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? "unknown";
        for (var v = NewestApiVersion; v >= OldestApiVersion; v--)
        {
            var table = apiBase->GetApi(v);
            if (table != null)
            {
                return new OrtApi((nint*)table, v, version, path);
            }
        }
        throw new OnnxRuntimeException(
            $"ONNX Runtime {version} at '{path}' supports none of the API versions {OldestApiVersion}..{NewestApiVersion}.");
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct OrtApiBase
    {
        public readonly delegate* unmanaged<uint, void*> GetApi;
        public readonly delegate* unmanaged<byte*> GetVersionString;
    }
}
