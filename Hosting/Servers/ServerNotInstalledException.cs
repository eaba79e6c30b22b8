namespace VisionAspire.Hosting.Servers;

/// <summary>A server binary is missing; the message is one line naming the Debian package and the set-up command.</summary>
public sealed class ServerNotInstalledException(string binary, string debianPackage)
    : Exception($"{binary} not found: install the Debian package '{debianPackage}' (run `make setup`).")
{
    public string Binary { get; } = binary;

    public string DebianPackage { get; } = debianPackage;
}
