namespace VisionAspire.Models;

/// <summary>Finds the repository root (the folder holding VisionAspire.sln) above the running binaries.</summary>
internal static class RepositoryLayout
{
    public static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisionAspire.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>Resolves a path under the repository root, or returns null when no root is found.</summary>
    public static string? UnderRoot(params string[] parts)
    {
        var root = FindRoot();
        return root is null ? null : Path.Combine([root, .. parts]);
    }
}
