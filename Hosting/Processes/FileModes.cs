namespace VisionAspire.Hosting.Processes;

/// <summary>Unix permission changes the orchestrator makes (it runs on Linux; the calls are no-ops elsewhere).</summary>
internal static class FileModes
{
    /// <summary>0600: for files that hold a password.</summary>
    public static void OwnerOnly(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Adds o+x to <paramref name="directory"/> and every parent, so another user can reach a folder inside.</summary>
    public static void AllowTraverse(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var mode = current.UnixFileMode;
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                current.UnixFileMode = mode | UnixFileMode.OtherExecute;
            }
        }
    }
}
