using VisionAspire.Api.Operations;
using VisionAspire.Operations;

namespace VisionAspire.Api.Inference;

/// <summary>Reads an AI endpoint's query (imageId aside) against its parameters; an unknown name is a 400 naming it.</summary>
public static class AiQuery
{
    public static OperationArguments Read(HttpRequest request, IEnumerable<ParameterSpec> specs, string endpoint)
    {
        var values = request.Query
            .Where(q => !q.Key.Equals(ImageSource.ImageIdField, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var arguments = new OperationArguments(values);
        arguments.RejectUnknown(specs, endpoint);
        return arguments;
    }

    /// <summary>A comma-separated parameter's raw text, or null when absent.</summary>
    public static string? List(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? string.Join(',', value.ToArray()) : null;
}
