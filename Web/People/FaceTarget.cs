using System.Globalization;

namespace VisionAspire.Web.People;

/// <summary>A recognised face as a clickable area over its photo, placed in percent so that it scales with the image.</summary>
public sealed record FaceTarget(RecognizedFace Face, string Style, string Caption)
{
    public static IReadOnlyList<FaceTarget> Of(Recognition recognition) =>
        recognition.Faces.Select(face => new FaceTarget(face, StyleOf(face.Box, recognition), CaptionOf(face))).ToList();

    private static string StyleOf(FaceBox box, Recognition image) => string.Create(CultureInfo.InvariantCulture,
        $"left:{100.0 * box.X / image.Width:0.##}%;top:{100.0 * box.Y / image.Height:0.##}%;" +
        $"width:{100.0 * box.Width / image.Width:0.##}%;height:{100.0 * box.Height / image.Height:0.##}%");

    private static string CaptionOf(RecognizedFace face) => face.Status switch
    {
        "identified" => string.Join(", ", face.Matches.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Similarity:P0}"))),
        "unusable" => face.Unusable switch
        {
            "too-small" => "Too small",
            "too-blurry" => "Too blurry",
            _ => "Unusable",
        },
        _ => "Unknown",
    };
}
