namespace VisionAspire.Shared.ModelRegistry;

/// <summary>Object-store keys of an uploaded model version (written once: a version names one file for good).</summary>
public static class ModelUploadKeys
{
    public static string Model(string modelId, string version) => $"models/{modelId}/{version}/model.onnx";

    public static string Labels(string modelId, string version) => $"models/{modelId}/{version}/labels.txt";
}
