namespace VisionAspire.Hosting;

/// <summary>
/// Describes a .NET project of the application, like Aspire's generated <c>Projects.*</c> classes
/// (the AppHost build generates one class per ProjectReference).
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>
    /// Full path of the built assembly for the configuration the AppHost was built with; null when unknown,
    /// then the orchestrator looks for it under the project's bin folder.
    /// </summary>
    string? TargetPath => null;
}
