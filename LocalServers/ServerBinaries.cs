using Aspire.Hosting;

namespace VisionAspire.LocalServers;

/// <summary>Finds a server executable where Debian's package puts it, or on PATH.</summary>
internal static class ServerBinaries
{
    public static string Locate(string name, string debianPackage, params string[] debianFolders)
    {
        var folders = debianFolders.SelectMany(ExpandVersioned)
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new DistributedApplicationException(
                $"'{name}' is not installed: install the Debian package {debianPackage} (`make run` and `make test` run scripts/setup.sh, which does).");
    }

    /// <summary>"/usr/lib/postgresql/*/bin" becomes each installed version's folder, newest first.</summary>
    private static IEnumerable<string> ExpandVersioned(string folder)
    {
        var star = folder.IndexOf('*');
        if (star < 0)
        {
            return [folder];
        }

        var parent = folder[..star];
        var rest = folder[(star + 1)..].TrimStart('/');
        return Directory.Exists(parent)
            ? Directory.EnumerateDirectories(parent)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, rest))
            : [];
    }
}
