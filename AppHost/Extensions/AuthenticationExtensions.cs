using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class AuthenticationExtensions
{
    public const string AdminKeyParameter = "admin-api-key";

    /// <summary>
    /// The Api signs its JWTs with a generated secret parameter (new each run: tokens live minutes). When an admin key
    /// is configured (<c>Parameters:admin-api-key</c>, which <c>make run</c> generates and prints), the Api registers it
    /// as the admin's bootstrap key; otherwise the Api makes one on first start and logs it once.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithApiAuthentication(this IResourceBuilder<ProjectResource> api)
    {
        var builder = api.ApplicationBuilder;
        var signingKey = builder.AddParameter("jwt-signing-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
        api.WithEnvironment("Vision__Auth__JwtSigningKey", signingKey);
        if (!string.IsNullOrEmpty(builder.Configuration[$"Parameters:{AdminKeyParameter}"]))
        {
            api.WithEnvironment("Vision__Auth__BootstrapAdminKey", builder.AddParameter(AdminKeyParameter, secret: true));
        }

        return api;
    }
}
