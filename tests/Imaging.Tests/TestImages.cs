namespace VisionAspire.Imaging.Tests;

/// <summary>Locates the shared photos: VISION_IMAGES_DIR, else ../shared/images beside the repository root.</summary>
internal static class TestImages
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("VISION_IMAGES_DIR") is { Length: > 0 } overridden)
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisionAspire.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "images"));
            }
        }

        throw new InvalidOperationException("VisionAspire.sln not found above " + AppContext.BaseDirectory);
    }
}
