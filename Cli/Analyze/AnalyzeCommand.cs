using System.Text.Json;
using System.Text.Json.Serialization;
using VisionAspire.Models;

namespace VisionAspire.Cli.Analyze;

/// <summary>
/// <c>analyze</c>: one line per image (JSON or readable; the readable form of the <c>ocr</c> task follows it with the
/// image's text, one indented line per text line). A file that cannot be analysed yields a line with
/// <c>error</c> and the run goes on; the exit code is 0 unless the command line itself is wrong.
/// </summary>
public static class AnalyzeCommand
{
    private static readonly HashSet<string> ImageExtensions =
        new([".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".heic", ".heif", ".avif"], StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static int Run(AnalyzeOptions options, TextWriter stdout)
    {
        using var analyzer = new ImageAnalyzer(ModelStore.CreateDefault(), options.Tasks, options.Detector);
        foreach (var file in Expand(options.Inputs))
        {
            AnalysisResult result;
            try
            {
                result = analyzer.Analyze(file);
            }
            catch (Exception e)
            {
                result = new AnalysisResult(file) { Error = $"{e.GetType().Name}: {e.Message}" };
            }
            stdout.WriteLine(options.Json ? JsonSerializer.Serialize(result, Json) : Describe(result));
        }
        return CliApp.Ok;
    }

    /// <summary>Files as given (in order), folders expanded recursively to their image files (sorted).</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                             .Where(f => ImageExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return input;
            }
        }
    }

    private static string Describe(AnalysisResult r)
    {
        if (r.Error is not null)
        {
            return $"{r.File}: error: {r.Error}";
        }
        var parts = new List<string> { $"{r.Width}x{r.Height}" };
        if (r.Kind is not null)
        {
            parts.Add(r.Kind);
        }
        if (r.Faces is not null)
        {
            parts.Add($"faces {r.Faces.Count}" + (r.Faces.Count > 0 ? $" ({string.Join(", ", r.Faces.Select(f => f.Score.ToString("F2")))})" : ""));
        }
        if (r.Classes is not null)
        {
            parts.Add("classes: " + string.Join(", ", r.Classes.Select(c => $"{c.Label.Split(',')[0]} {c.Score:F2}")));
        }
        if (r.Objects is not null)
        {
            parts.Add("objects: " + (r.Objects.Count == 0 ? "none" : string.Join(", ", r.Objects.Select(o => $"{o.Label} {o.Score:F2}"))));
        }
        if (r.Text is not null)
        {
            parts.Add($"text lines {r.Text.Count}");
        }
        var summary = $"{r.File}: {string.Join(" | ", parts)}";
        // One indented line per text line, so the text reads as it does in the image.
        return r.Text is null ? summary : string.Join('\n', [summary, .. r.Text.Select(t => $"  {t.Text}")]);
    }
}
