namespace VisionAspire.LocalServers;

internal static class OwnerOnlyFile
{
    /// <summary>Writes a file only its owner can read (it holds a password).</summary>
    public static void Write(string path, string contents)
    {
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(path, contents);
    }
}
