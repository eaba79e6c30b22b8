namespace VisionAspire.Cli.Bench;

public static class BenchCommand
{
    public static int Run(BenchOptions options, TextWriter stdout) => CliApp.Ok;
}
