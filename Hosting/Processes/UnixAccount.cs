namespace VisionAspire.Hosting.Processes;

/// <summary>A local user account read from /etc/passwd.</summary>
internal sealed record UnixAccount(string Name, uint Uid, uint Gid, string Home)
{
    public static UnixAccount Find(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length >= 6 && fields[0] == name)
            {
                return new UnixAccount(name, uint.Parse(fields[2]), uint.Parse(fields[3]), fields[5]);
            }
        }
        throw new InvalidOperationException($"The user '{name}' does not exist (it comes with the Debian postgresql package; run `make setup`).");
    }

    public void GiveOwnership(string path) => UnixNative.ChangeOwner(path, Uid, Gid);
}
