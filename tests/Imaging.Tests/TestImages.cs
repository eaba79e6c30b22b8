using VisionAspire.TestSupport;

namespace VisionAspire.Imaging.Tests;

internal static class TestImages
{
    public static string Directory => SharedImages.Directory;

    public static string PathOf(string name) => SharedImages.PathOf(name);

    public static byte[] Bytes(string name) => SharedImages.Bytes(name);
}
