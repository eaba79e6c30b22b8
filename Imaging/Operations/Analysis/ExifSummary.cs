using System.Text.RegularExpressions;

namespace VisionAspire.Imaging.Operations.Analysis;

/// <summary>The commonly wanted EXIF fields, as libvips parsed them on load (only those present).</summary>
public static partial class ExifSummary
{
    private static readonly (string Field, string Name)[] Fields =
    [
        ("exif-ifd0-Make", "make"),
        ("exif-ifd0-Model", "model"),
        ("exif-ifd0-Orientation", "orientation"),
        ("exif-ifd0-Software", "software"),
        ("exif-ifd0-DateTime", "dateTime"),
        ("exif-ifd2-DateTimeOriginal", "dateTimeOriginal"),
        ("exif-ifd2-ExposureTime", "exposureTime"),
        ("exif-ifd2-FNumber", "fNumber"),
        ("exif-ifd2-ISOSpeedRatings", "iso"),
        ("exif-ifd2-FocalLength", "focalLength"),
        ("exif-ifd2-LensModel", "lensModel"),
        ("exif-ifd3-GPSLatitude", "gpsLatitude"),
        ("exif-ifd3-GPSLongitude", "gpsLongitude"),
    ];

    /// <summary>EXIF orientation 1-8 by libexif's names; the bundled libexif is built without its name tables.</summary>
    private static readonly string[] OrientationNames =
        ["Top-left", "Top-right", "Bottom-right", "Bottom-left", "Left-top", "Right-top", "Right-bottom", "Left-bottom"];

    /// <summary>
    /// Field name → readable value ("Canon", "1/250 sec.", "Right-top"). Empty when the image carries no EXIF
    /// (or it was stripped). Read before any operation that drops metadata.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(VipsImage image)
    {
        var summary = new Dictionary<string, string>();
        foreach (var (field, name) in Fields)
        {
            if (image.GetMetadataString(field) is { } raw && Readable(name, raw) is { Length: > 0 } value)
            {
                summary[name] = value;
            }
        }

        return summary;
    }

    /// <summary>libvips renders a tag as "raw (readable, type, n components, n bytes)"; keep the readable part.</summary>
    private static string Readable(string name, string raw)
    {
        var match = TagText().Match(raw);
        if (name == "orientation" && match.Success && int.TryParse(match.Groups["value"].Value, out var orientation)
            && orientation is >= 1 and <= 8)
        {
            return OrientationNames[orientation - 1];
        }

        return (match.Success ? match.Groups["readable"].Value : raw).Trim();
    }

    [GeneratedRegex(@"^(?<value>.*?) \((?<readable>.*), [^,]+, \d+ components?, \d+ bytes?\)$", RegexOptions.Singleline)]
    private static partial Regex TagText();
}
