namespace VisionAspire.Hosting;

/// <summary>How the AppHost runs; parsed from its command line (see <see cref="Parse"/>).</summary>
public sealed record DistributedApplicationOptions
{
    /// <summary>Arguments left over for configuration ("--Key=Value", "--Key Value").</summary>
    public string[] ConfigurationArgs { get; init; } = [];

    /// <summary>Where servers keep their data and generated passwords are saved. `--state-dir`; default &lt;repo&gt;/.state.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory();

    /// <summary>`--fresh`: wipe the state folder before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>`--publisher manifest`: write the manifest instead of running.</summary>
    public string? Publisher { get; init; }

    /// <summary>`--output-path`: the manifest file to write.</summary>
    public string? OutputPath { get; init; }

    /// <summary>`--no-dashboard` turns it off.</summary>
    public bool DashboardEnabled { get; init; } = true;

    /// <summary>`--dashboard-port`; 0 picks a free one.</summary>
    public int DashboardPort { get; init; }

    /// <summary>Ignore fixed ports in the model and pick free ones (the testing builder sets it).</summary>
    public bool RandomizePorts { get; init; }

    /// <summary>Write every resource's log lines to stdout, prefixed with the resource name.</summary>
    public bool EchoLogs { get; init; } = true;

    /// <summary>First delay before restarting a crashed process; doubles on each further crash up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Log lines kept per resource instance for the dashboard and errors.</summary>
    public int LogLinesKept { get; init; } = 500;

    /// <summary>A PATH-like list replacing PATH and the Debian locations when looking for server binaries (`--server-search-path`).</summary>
    public string? ServerSearchPath { get; init; }

    /// <summary>Delete the state folder once everything has stopped (test runs).</summary>
    public bool DeleteStateDirectoryOnStop { get; init; }

    public bool IsPublishMode => Publisher is not null;

    /// <summary>Reads the AppHost's own switches; everything else is kept for configuration.</summary>
    public static DistributedApplicationOptions Parse(string[] args)
    {
        var options = new DistributedApplicationOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length
                ? args[++i]
                : throw new ArgumentException($"{args[i]} needs a value.");

            options = args[i] switch
            {
                "--fresh" => options with { Fresh = true },
                "--no-dashboard" => options with { DashboardEnabled = false },
                "--state-dir" => options with { StateDirectory = Path.GetFullPath(Value()) },
                "--publisher" => options with { Publisher = Value() },
                "--output-path" => options with { OutputPath = Path.GetFullPath(Value()) },
                "--dashboard-port" => options with { DashboardPort = int.Parse(Value()) },
                "--server-search-path" => options with { ServerSearchPath = Value() },
                _ => Keep(options, args[i], rest),
            };
        }
        return options with { ConfigurationArgs = [.. rest] };
    }

    private static DistributedApplicationOptions Keep(DistributedApplicationOptions options, string arg, List<string> rest)
    {
        rest.Add(arg);
        return options;
    }

    private static string DefaultStateDirectory() =>
        Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), ".state");
}
