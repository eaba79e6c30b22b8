using System.Text;

namespace VisionAspire.Api.Images;

/// <summary>
/// The name an upload is listed under. Only shown, never a path (objects are keyed by content hash), but it is
/// client-controlled: keep the last segment of a '/' or '\' path, drop control characters, replace broken UTF-16
/// (Postgres refuses it), and cut at <see cref="MaxLength"/> characters on a character boundary.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 255;
    public const string Fallback = "upload";

    public static string Sanitize(string? name)
    {
        var lastSegment = (name ?? "").Split('/', '\\')[^1];
        var clean = new StringBuilder(Math.Min(lastSegment.Length, MaxLength));
        // EnumerateRunes yields U+FFFD for each unpaired surrogate.
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                continue;
            }
            if (clean.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }
            clean.Append(rune.ToString());
        }

        var file = clean.ToString().Trim();
        return file is "" or "." or ".." ? Fallback : file;
    }
}
