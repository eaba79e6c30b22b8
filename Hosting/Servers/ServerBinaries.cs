namespace VisionAspire.Hosting.Servers;

/// <summary>Finds server executables on PATH or where the Debian packages put them.</summary>
internal static class ServerBinaries
{
    public static string Locate(string name, string debianPackage, string? searchPath, params string[] debianLocations)
    {
        var folders = searchPath is not null
            ? searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            : debianLocations.SelectMany(ExpandVersioned)
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));

        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ServerNotInstalledException(name, debianPackage);
    }

    /// <summary>"/usr/lib/postgresql/*/bin" becomes every installed version's folder, newest first.</summary>
    private static IEnumerable<string> ExpandVersioned(string location)
    {
        var star = location.IndexOf('*');
        if (star < 0)
        {
            return [location];
        }

        var parent = location[..star];
        var rest = location[(star + 1)..].TrimStart('/');
        if (!Directory.Exists(parent))
        {
            return [];
        }

        return Directory.EnumerateDirectories(parent)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[^1], out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, rest));
    }
}
