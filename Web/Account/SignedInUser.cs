using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace VisionAspire.Web.Account;

/// <summary>
/// The person signed in to the web app, as claims of the cookie's authentication ticket. The ticket is encrypted with
/// ASP.NET Core data protection, so the API key it carries is never readable in the browser; the server reads it back
/// to call the Api as that person.
/// </summary>
public static class SignedInUser
{
    public const string ApiKeyClaim = "vision:api_key";

    public static ClaimsPrincipal Create(Me me, string apiKey)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, me.User.Id.ToString()),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(me.User.DisplayName) ? me.User.Email : me.User.DisplayName),
            new(ClaimTypes.Email, me.User.Email),
            new(ClaimTypes.Role, me.User.Role),
            new(ApiKeyClaim, apiKey),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static string? ApiKeyOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(ApiKeyClaim)?.Value : null;

    public static string? EmailOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Email)?.Value;
}
