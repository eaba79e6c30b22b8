namespace VisionAspire.Models;

/// <summary>
/// Runs one model call on behalf of a caller that records it (the Api's pipeline metrics, the workers' spans and
/// prediction timings), so a pipeline shared by both times its models the way each host does.
/// </summary>
public interface IModelRunner
{
    T Run<T>(ModelEntry model, Func<T> run);
}
