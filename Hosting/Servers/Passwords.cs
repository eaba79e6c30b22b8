using System.Security.Cryptography;

namespace VisionAspire.Hosting.Servers;

/// <summary>Generated secrets: letters and digits only, so they drop into any connection string or URI as they are.</summary>
public static class Passwords
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Same minimum as Aspire's generated parameters (minLength 22, no special characters).</summary>
    public static string Generate(int length = 22) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>The password saved in <paramref name="file"/>, or a new one saved there (mode 0600).</summary>
    public static string LoadOrCreate(string file, string? given)
    {
        if (given is null && File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var password = given ?? Generate();
        File.WriteAllText(file, password);
        Processes.FileModes.OwnerOnly(file);
        return password;
    }
}
