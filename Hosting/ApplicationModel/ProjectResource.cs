namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>A .NET project of the application (project.v0); locally `dotnet &lt;its built dll&gt;`, one process per replica.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : ExecutableResource(name, "dotnet", Path.GetDirectoryName(project.ProjectPath)!, [])
{
    public IProjectMetadata Project { get; } = project;
}
