using System.Globalization;
using VisionAspire.Cli.Bench;
using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Models;

namespace VisionAspire.Cli.Faces;

/// <summary>
/// <c>faces-calibrate</c>: the measurements behind the face-quality and identification thresholds. Every face of the
/// shared face photos is a distinct person; a face is compared with itself in edited copies of its photo (same person)
/// and with every other face (different persons). Sharpness is measured on each face as is and on blurred copies.
/// </summary>
public static class FaceCalibrationCommand
{
    public static readonly string[] FacePhotos =
        ["face_single_woman_laptop.jpg", "faces_two_handshake.jpg", "faces_group_children.jpg", "faces_family_five.jpg", "zidane.jpg", "bus.jpg"];

    private static readonly (string Name, Func<VipsImage, PixelBuffer> Edit, bool Mirrored, double Scale)[] SamePersonEdits =
    [
        ("mirrored", image => Mirror(image.ToPixels()), true, 1),
        ("0.7x", image => Edited(image, i => i.Resize(0.7)), false, 0.7),
        ("brightened 1.3", image => Edited(image, i => i.Brightness(1.3)), false, 1),
        ("blurred sigma 1", image => Edited(image, i => i.GaussianBlur(1)), false, 1),
    ];

    public static int Run(TextWriter stdout)
    {
        var store = ModelStore.CreateDefault();
        using var detector = new YuNetDetector(store);
        using var embedder = new FaceEmbedder(store);
        var images = BenchCommand.SharedImages();
        var identities = new List<(string Photo, int Face, float[] Embedding)>();
        var same = new List<(string Edit, float Similarity)>();

        stdout.WriteLine("| photo | face | box short side px | sharpness | blurred sigma 1.5 | blurred sigma 3 |");
        stdout.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var photo in FacePhotos)
        {
            var path = Path.Combine(images, photo);
            using var original = Upright(path);
            var pixels = original.ToPixels();
            var faces = detector.Detect(pixels).OrderByDescending(f => f.Score).ToList();
            var softPixels = Edited(original, i => i.GaussianBlur(1.5));
            var softerPixels = Edited(original, i => i.GaussianBlur(3));
            for (var i = 0; i < faces.Count; i++)
            {
                var face = faces[i];
                var side = Math.Min(face.Box.Width, face.Box.Height);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {photo} | {i} | {side:F0} | {FaceRecognizer.AlignedSharpness(pixels, face):F0} | " +
                    $"{FaceRecognizer.AlignedSharpness(softPixels, face):F0} | {FaceRecognizer.AlignedSharpness(softerPixels, face):F0} |"));
                identities.Add((photo, i, embedder.Embed(pixels, face)));
            }

            foreach (var (name, edit, mirrored, scale) in SamePersonEdits)
            {
                var editedPixels = edit(original);
                var editedFaces = detector.Detect(editedPixels);
                for (var i = 0; i < faces.Count; i++)
                {
                    var (cx, cy) = Centre(faces[i].Box);
                    var expected = (X: (mirrored ? pixels.Width - cx : cx) * scale, Y: cy * scale);
                    var match = editedFaces.MinBy(f => Distance(Centre(f.Box), expected));
                    if (match is null || Distance(Centre(match.Box), expected) > faces[i].Box.Width * scale / 2)
                    {
                        continue;
                    }
                    var reference = identities.Single(x => x.Photo == photo && x.Face == i).Embedding;
                    same.Add((name, FaceEmbedder.CosineSimilarity(reference, embedder.Embed(editedPixels, match))));
                }
            }
        }

        var different = new List<float>();
        for (var a = 0; a < identities.Count; a++)
        {
            for (var b = a + 1; b < identities.Count; b++)
            {
                different.Add(FaceEmbedder.CosineSimilarity(identities[a].Embedding, identities[b].Embedding));
            }
        }

        stdout.WriteLine();
        stdout.WriteLine("| pairs | n | min | mean | max |");
        stdout.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in same.GroupBy(s => s.Edit))
        {
            Row(stdout, $"same person, {group.Key}", group.Select(s => s.Similarity).ToList());
        }
        Row(stdout, "same person, all edits", same.Select(s => s.Similarity).ToList());
        Row(stdout, "different persons", different);
        var sorted = different.OrderDescending().ToList();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"different persons: 99th percentile {sorted[sorted.Count / 100]:F3}, top 3 {string.Join(", ", sorted.Take(3).Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}"));
        return CliApp.Ok;
    }

    private static void Row(TextWriter stdout, string name, IReadOnlyList<float> values) =>
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {values.Count} | {values.Min():F3} | {values.Average():F3} | {values.Max():F3} |"));

    private static VipsImage Upright(string path)
    {
        using var image = VipsImage.LoadFile(path);
        return image.AutoRotate();
    }

    private static PixelBuffer Edited(VipsImage image, Func<VipsImage, VipsImage> edit)
    {
        using var edited = edit(image);
        return edited.ToPixels();
    }

    private static PixelBuffer Mirror(PixelBuffer source)
    {
        var data = new byte[source.Data.Length];
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                Array.Copy(source.Data, y * source.Stride + x * source.Bands, data, y * source.Stride + (source.Width - 1 - x) * source.Bands, source.Bands);
            }
        }
        return source with { Data = data };
    }

    private static (float X, float Y) Centre(Box box) => (box.X + box.Width / 2, box.Y + box.Height / 2);

    private static double Distance((float X, float Y) a, (double X, double Y) b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
