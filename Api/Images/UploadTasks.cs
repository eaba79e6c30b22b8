using VisionAspire.Contracts;
using VisionAspire.Api.Problems;

namespace VisionAspire.Api.Images;

/// <summary>
/// The tasks= of an upload: a comma-separated query parameter or multipart form field (or both, repeated: they add up).
/// Absent: null, the defaults of each image's kind. Present but naming no task, or naming an unknown one: a 400.
/// </summary>
public static class UploadTasks
{
    public const string Field = "tasks";

    public static (IReadOnlyList<string>? Tasks, IResult? Problem) Read(HttpRequest request, IFormCollection form)
    {
        var values = request.Query[Field].Concat(form[Field]).ToList();
        if (values.Count == 0)
        {
            return (null, null);
        }

        var tasks = ImageTasks.Parse(values, out var unknown);
        var valid = string.Join(", ", ImageTasks.All);
        if (unknown.Count > 0)
        {
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Unknown task",
                $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is not a task" : "are not tasks")}; valid tasks: {valid}."));
        }

        return tasks.Count == 0
            ? (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "No task", $"{Field} names no task; valid tasks: {valid}."))
            : (tasks, null);
    }
}
