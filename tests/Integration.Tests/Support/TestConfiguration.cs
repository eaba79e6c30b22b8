namespace VisionAspire.Integration.Tests.Support;

internal static class TestConfiguration
{
    /// <summary>The build configuration of these tests (and of the AppHost built beside them).</summary>
    public const string Name =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
