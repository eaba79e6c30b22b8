namespace VisionAspire.Operations.Tests;

/// <summary>The shared photos, used in place: VISION_IMAGES_DIR, else ../shared/images next to the repository.</summary>
public static class TestImages
{
    public static string Directory { get; } = Find();

    public static readonly string[] FacePhotos =
        ["faces_family_five.jpg", "faces_group_children.jpg", "faces_two_handshake.jpg", "face_single_woman_laptop.jpg", "zidane.jpg"];

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("VISION_IMAGES_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "VisionAspire.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "images"));
            }
        }

        throw new DirectoryNotFoundException("No VisionAspire.sln above the test binaries; set VISION_IMAGES_DIR.");
    }
}
