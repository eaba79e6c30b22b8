namespace VisionAspire.TestSupport.Aspire;

/// <summary>
/// Arguments that give a test's topology its own state folder (a fresh temp folder, never a `make run`'s .state) and
/// local server processes (the test machines have no Docker engine, and a test must not depend on one).
/// </summary>
public static class TestState
{
    public static string[] Arguments(out string stateDirectory)
    {
        stateDirectory = Path.Combine(Path.GetTempPath(), $"vision-test-{Guid.NewGuid():N}");
        // Resource logs at Warning: each service's Information lines would otherwise flood the test output.
        return [$"--Vision:StateDirectory={stateDirectory}", "--Vision:Servers=processes", "--Logging:LogLevel:Default=Warning",
            $"--Parameters:admin-api-key={TestKeys.Admin}"];
    }

    public static void Delete(string stateDirectory)
    {
        try
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling server file; temp folders are cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
