using VisionAspire.Contracts;
using VisionAspire.Data;

namespace VisionAspire.Preprocessor;

/// <summary>Which tasks an image runs, which inference queue they go to, and whether the workers want the working copy.</summary>
public static class TaskRouting
{
    /// <summary>The upload's tasks (the message's, else the row's, for events published before tasks existed), else the kind's defaults.</summary>
    public static IReadOnlyList<string> TasksOf(ImageUploadedV1 message, ImageRecord image, string kind) =>
        message.Tasks ?? image.Tasks ?? ImageTasks.DefaultFor(kind);

    /// <summary>Face tasks alone (faces, recognize) go to the face queue; anything that runs an object or text model to the object queue.</summary>
    public static string QueueFor(IReadOnlyList<string> tasks) =>
        tasks.All(task => task is ImageTasks.Faces or ImageTasks.Recognize) ? Queues.InferFace : Queues.InferObject;

    /// <summary>classify and objects run on the objects' working size, the copy faces were detected on.</summary>
    public static bool UsesWorkingCopy(IReadOnlyList<string> tasks) =>
        tasks.Contains(ImageTasks.Classify) || tasks.Contains(ImageTasks.Objects);
}
