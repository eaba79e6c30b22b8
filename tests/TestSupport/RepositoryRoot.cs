namespace VisionAspire.TestSupport;

public static class RepositoryRoot
{
    /// <summary>The folder holding VisionAspire.sln, searched upwards from the running binaries; null when none.</summary>
    public static string? Find()
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
}
