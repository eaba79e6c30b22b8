namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// Object-store keys of uploaded model files, content-addressed per model: a key holds one file for good, so a
/// registered version never points at bytes another upload wrote.
/// </summary>
public static class ModelUploadKeys
{
    public static string Model(string modelId, string sha256) => $"models/{modelId}/{sha256}.onnx";

    public static string Labels(string modelId, string sha256) => $"models/{modelId}/labels-{sha256}.txt";
}
