namespace VisionAspire.Integration.Tests.Support;

/// <summary>Shared test images, used in place: VISION_IMAGES_DIR, else ../shared/images next to the repository.</summary>
public static class TestPaths
{
    public static string ImagesDirectory { get; } = FindImages();

    public static string Image(string name) => Path.Combine(ImagesDirectory, name);

    public static IReadOnlyList<string> AllImages() =>
        Directory.GetFiles(ImagesDirectory).Where(f => f.EndsWith(".jpg") || f.EndsWith(".png")).Order().ToList();

    private static string FindImages()
    {
        if (Environment.GetEnvironmentVariable("VISION_IMAGES_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisionAspire.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "images"));
            }
        }

        throw new DirectoryNotFoundException("No VisionAspire.sln above the test binaries; set VISION_IMAGES_DIR.");
    }
}
