namespace VisionAspire.TestSupport;

/// <summary>
/// The shared photos, used in place: VISION_IMAGES_DIR, else ../shared/images beside the repository root
/// (the folder holding VisionAspire.sln above the running binaries).
/// </summary>
public static class SharedImages
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The JPEG and PNG file names of the folder, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. System.IO.Directory.GetFiles(Directory)
            .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("VISION_IMAGES_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = RepositoryRoot.Find()
            ?? throw new DirectoryNotFoundException($"No VisionAspire.sln above {AppContext.BaseDirectory}; set VISION_IMAGES_DIR.");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "images"));
    }
}
