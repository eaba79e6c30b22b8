using VisionAspire.Api.Problems;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;

namespace VisionAspire.Api.Images;

/// <summary>
/// The model= of an upload (query parameter or form field): the registered image classifier its "classify" task runs.
/// Absent: null, the built-in one. Present without tasks naming classify, or naming no registered classifier: a 400.
/// </summary>
public static class UploadModel
{
    public const string Field = "model";

    public static async Task<(string? Model, IResult? Problem)> ReadAsync(
        HttpRequest request, IFormCollection form, IReadOnlyList<string>? tasks, ModelRegistryRepository registry, CancellationToken ct)
    {
        var model = request.Query[Field].Concat(form[Field]).Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (model is null)
        {
            return (null, null);
        }
        if (tasks is null || !tasks.Contains(ImageTasks.Classify))
        {
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Model without classify",
                $"{Field}= chooses the classifier of the '{ImageTasks.Classify}' task; add tasks={ImageTasks.Classify}."));
        }

        var active = await registry.ActiveAsync(model, ct);
        if (active is null || active.Task != ModelTasks.ImageClassification)
        {
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Unknown model",
                $"'{model}' is not a registered image classifier (GET /api/v1/models lists the models)."));
        }
        return (model, null);
    }
}
