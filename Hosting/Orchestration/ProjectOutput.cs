using System.Reflection;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>Finds a project's built dll: the path the AppHost build recorded, else bin/&lt;AppHost configuration&gt;/*/VisionAspire.&lt;Project&gt;.dll.</summary>
internal static class ProjectOutput
{
    public static string Locate(IProjectMetadata project)
    {
        if (project.TargetPath is { } recorded && File.Exists(recorded))
        {
            return recorded;
        }

        var configuration = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var dll = $"VisionAspire.{Path.GetFileNameWithoutExtension(project.ProjectPath)}.dll";
        var bin = Path.Combine(projectDirectory, "bin", configuration);
        var found = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, dll, SearchOption.AllDirectories).FirstOrDefault() : null;
        return found ?? throw new FileNotFoundException(
            $"{project.TargetPath ?? Path.Combine(bin, dll)} is missing: build the solution first (make build).");
    }
}
