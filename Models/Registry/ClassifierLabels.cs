using System.Text;

namespace VisionAspire.Models.Registry;

/// <summary>An uploaded labels file: UTF-8, one label per line (line k = class k), trailing blank lines ignored.</summary>
public static class ClassifierLabels
{
    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> utf8)
    {
        var lines = Encoding.UTF8.GetString(utf8).ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
