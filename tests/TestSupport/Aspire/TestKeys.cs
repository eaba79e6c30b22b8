namespace VisionAspire.TestSupport.Aspire;

/// <summary>The admin API key every test topology registers (through the AppHost's admin-api-key parameter).</summary>
public static class TestKeys
{
    public const string Header = "X-Api-Key";
    public const string Admin = "va_TestOnlyAdminKey_0123456789abcdefghijklmnopqrstuv";

    /// <summary>A signing key for an Api a test starts without the AppHost.</summary>
    public const string JwtSigningKey = "test-only-jwt-signing-key-0123456789abcdefghijklmnop";
}
