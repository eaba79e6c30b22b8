using VisionAspire.Cli.Analyze;
using VisionAspire.Cli.Bench;
using VisionAspire.Cli.Faces;

namespace VisionAspire.Cli;

/// <summary>Entry logic, callable in-process: returns the exit code (2 for usage errors only).</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int UsageError = 2;

    public const string Usage = """
        usage:
          analyze <files or folders...> [--tasks faces,classify,objects,embed,ocr] [--detector ultraface|yunet] [--json]
          bench [--seconds N] [--output FILE]
          faces-calibrate   (face sharpness and same/different-person similarity on the shared photos)
          faces-labeller    (face detectors and the face/object label on the shared photos and animal crops)
          faces-bench [--seconds N]   (recognition per face and per image, exact identification on 1k-100k faces)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "analyze" => AnalyzeCommand.Run(AnalyzeOptions.Parse(args[1..]), stdout),
                "bench" => BenchCommand.Run(BenchOptions.Parse(args[1..]), stdout),
                "faces-calibrate" => FaceCalibrationCommand.Run(stdout),
                "faces-labeller" => LabellerProbeCommand.Run(stdout),
                "faces-bench" => FaceBenchCommand.Run(BenchOptions.Parse(args[1..]).Seconds, stdout),
                "-h" or "--help" or "help" => Help(stdout),
                var other => throw new UsageException(other is null ? "no command given" : $"unknown command '{other}'"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(Usage);
            return UsageError;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
