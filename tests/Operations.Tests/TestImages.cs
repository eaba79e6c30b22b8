using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Tests;

/// <summary>The shared photos, used in place: VISION_IMAGES_DIR, else ../shared/images next to the repository.</summary>
public static class TestImages
{
    public static string Directory => SharedImages.Directory;

    public static readonly string[] FacePhotos =
        ["faces_family_five.jpg", "faces_group_children.jpg", "faces_two_handshake.jpg", "face_single_woman_laptop.jpg", "zidane.jpg"];

    public static string Path(string name) => SharedImages.PathOf(name);

    public static byte[] Bytes(string name) => SharedImages.Bytes(name);
}
