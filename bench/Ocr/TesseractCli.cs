using System.Diagnostics;

namespace VisionAspire.Bench.Ocr;

/// <summary>Debian's <c>tesseract</c> 5 CLI with default settings: <c>tesseract IMAGE stdout</c>, one process per image.</summary>
internal static class TesseractCli
{
    public const string Executable = "tesseract";

    /// <param name="threadLimit">OMP_THREAD_LIMIT for the process; null leaves tesseract's OpenMP default.</param>
    public static string Read(string imagePath, int? threadLimit)
    {
        var start = new ProcessStartInfo(Executable, [imagePath, "stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (threadLimit is { } limit)
        {
            start.Environment["OMP_THREAD_LIMIT"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        var stderr = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Executable} exited with {process.ExitCode}: {stderr.Result}");
        }
        return text;
    }

    public static string Version()
    {
        var start = new ProcessStartInfo(Executable, ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
    }
}
