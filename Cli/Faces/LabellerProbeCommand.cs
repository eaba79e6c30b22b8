using System.Globalization;
using VisionAspire.Cli.Bench;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Cli.Faces;

/// <summary>
/// <c>faces-labeller</c>: what each face detector sees on every shared photo and on square windows of the animal photos,
/// and the face/object label the Preprocessor gives with UltraFace alone and with YuNet confirmation.
/// </summary>
public static class LabellerProbeCommand
{
    public static int Run(TextWriter stdout)
    {
        var store = ModelStore.CreateDefault();
        using var ultraFace = new UltraFaceDetector(store);
        using var yuNet = new YuNetDetector(store);
        var images = BenchCommand.SharedImages();
        stdout.WriteLine("| image | UltraFace-320 faces (score, area %) | YuNet faces (score, area %, landmarks plausible) | UltraFace alone | confirmed by YuNet |");
        stdout.WriteLine("|---|---|---|---|---|");
        var inputs = Directory.GetFiles(images).Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), Load(path)));
        foreach (var (name, pixels) in inputs)
        {
            var ultra = ultraFace.Detect(pixels);
            var yu = yuNet.Detect(pixels);
            var area = (float)pixels.Width * pixels.Height;
            var old = ImageKindLabeller.Label(ultra, pixels.Width, pixels.Height);
            var confirmed = ConfirmedFaceLabeller.Label(ultra, yu, pixels.Width, pixels.Height);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {string.Join("; ", ultra.Select(f => $"{f.Score:F2}, {100 * f.Box.Area / area:F2}"))} | " +
                $"{string.Join("; ", yu.Select(f => $"{f.Score:F2}, {100 * f.Box.Area / area:F2}, {Describe(f)}"))} | {old} | {confirmed} |"));
        }

        // Every square window of the animal photos (sides 1/2 and 3/4 of the short side, steps of 1/8): which ones fool UltraFace.
        stdout.WriteLine();
        stdout.WriteLine("| animal photo | windows | UltraFace alone: face | confirmed by YuNet: face |");
        stdout.WriteLine("|---|---:|---:|---:|");
        foreach (var photo in AnimalPhotos)
        {
            using var image = VipsImage.LoadFile(Path.Combine(images, photo));
            using var upright = image.AutoRotate();
            var (windows, fooled, confirmedFaces) = (0, new List<string>(), 0);
            var shortSide = Math.Min(upright.Width, upright.Height);
            foreach (var side in new[] { shortSide / 2, shortSide * 3 / 4 })
            {
                var step = shortSide / 8;
                for (var top = 0; top + side <= upright.Height; top += step)
                {
                    for (var left = 0; left + side <= upright.Width; left += step)
                    {
                        using var cut = upright.Crop(left, top, side, side);
                        var pixels = cut.ToPixels();
                        windows++;
                        var ultra = ultraFace.Detect(pixels);
                        if (ImageKindLabeller.Label(ultra, side, side) == ImageKindLabeller.Face)
                        {
                            fooled.Add($"{left},{top} {side}");
                            if (ConfirmedFaceLabeller.Label(ultra, yuNet.Detect(pixels), side, side) == ImageKindLabeller.Face)
                            {
                                confirmedFaces++;
                            }
                        }
                    }
                }
            }
            stdout.WriteLine($"| {photo} | {windows} | {fooled.Count} ({string.Join("; ", fooled)}) | {confirmedFaces} |");
        }
        return CliApp.Ok;
    }

    private static readonly string[] AnimalPhotos = ["bear_coco285.jpg", "dog_bicycle_truck.jpg", "zebra_coco1818.jpg"];

    private static string Describe(FaceDetection face) => FaceLandmarkGeometry.Measure(face) is { } m
        ? string.Create(CultureInfo.InvariantCulture,
            $"{(FaceLandmarkGeometry.IsPlausible(face) ? "plausible" : "implausible")} (eyes {m.EyeDistanceShare:F2} of width, roll {m.RollDegrees:F0}, nose {m.NoseAlong:F2}/{m.NoseDrop:F2}, mouth {m.MouthDrop:F2} wide {m.MouthWidth:F2})")
        : "no landmarks";

    private static PixelBuffer Load(string path)
    {
        using var image = VipsImage.LoadFile(path);
        using var upright = image.AutoRotate();
        return upright.ToPixels();
    }
}
