namespace VisionAspire.Cli.Bench;

/// <param name="Seconds">Measuring time per figure (after warm-up).</param>
/// <param name="Output">Optional file receiving the Markdown table as well.</param>
public sealed record BenchOptions(double Seconds, string? Output)
{
    public static BenchOptions Parse(string[] args)
    {
        var seconds = 2.0;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    i++;
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    throw new UsageException($"unexpected bench argument '{args[i]}'");
            }
        }
        return new BenchOptions(seconds, output);
    }
}
