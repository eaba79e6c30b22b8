namespace VisionAspire.Api.Auth;

/// <summary>Authentication settings (<c>Vision:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Vision:Auth";

    /// <summary>HS256 key for the Api's JWTs, at least 32 characters (the AppHost passes a secret parameter).</summary>
    public string JwtSigningKey { get; set; } = "";

    public string Issuer { get; set; } = "visionaspire-api";

    public string Audience { get; set; } = "visionaspire";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// An admin key registered at start-up (the AppHost's <c>admin-api-key</c> parameter, or a test's). Empty: the
    /// Api creates one on first start and logs it once.
    /// </summary>
    public string BootstrapAdminKey { get; set; } = "";

    public string BootstrapAdminEmail { get; set; } = "admin@visionaspire.local";
}
