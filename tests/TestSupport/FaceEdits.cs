namespace VisionAspire.TestSupport;

/// <summary>Edited JPEG copies of a shared photo (the same people, changed pixels) for identification tests.</summary>
public static class FaceEdits
{
    public static byte[] Jpeg(string name, string edit)
    {
        using var image = NetVips.Image.NewFromFile(SharedImages.PathOf(name));
        using var upright = image.Autorot();
        using var edited = edit switch
        {
            "mirrored" => upright.FlipHor(),
            "mirrored-0.8x" => MirroredAndScaled(upright, 0.8),
            "0.7x" => upright.Resize(0.7),
            "0.8x" => upright.Resize(0.8),
            "brightened" => upright.Linear([1.3], [0.0]).Cast(NetVips.Enums.BandFormat.Uchar),
            // The woman's face is at about [495,117,674,350]: this keeps it, off-centre, and drops the rest.
            "cropped" => upright.Crop(300, 0, 600, 600),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };
        return edited.JpegsaveBuffer(q: 92);
    }

    private static NetVips.Image MirroredAndScaled(NetVips.Image upright, double scale)
    {
        using var mirrored = upright.FlipHor();
        return mirrored.Resize(scale);
    }
}
