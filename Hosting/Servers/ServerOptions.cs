namespace VisionAspire.Hosting.Servers;

/// <summary>How to start one local server process.</summary>
public sealed record ServerOptions
{
    /// <summary>Folder owned by this server (created when missing); its data persists between starts.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Password to hand out. When null, the one saved in <see cref="DataDirectory"/> by an earlier start is reused,
    /// else a new one is generated and saved.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Deletes <see cref="DataDirectory"/> before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>Receives every line the server writes to stdout or stderr.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>How long to wait for the server to accept clients.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A PATH-like list of folders to look for the server binaries in, instead of PATH and the Debian locations.
    /// </summary>
    public string? SearchPath { get; init; }
}
