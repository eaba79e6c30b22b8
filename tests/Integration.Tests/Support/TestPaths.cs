using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Support;

public static class TestPaths
{
    public static string ImagesDirectory => SharedImages.Directory;

    public static string Image(string name) => SharedImages.PathOf(name);

    /// <summary>Full paths of the shared JPEG and PNG photos, sorted.</summary>
    public static IReadOnlyList<string> AllImages() => [.. SharedImages.Names().Select(SharedImages.PathOf)];
}
