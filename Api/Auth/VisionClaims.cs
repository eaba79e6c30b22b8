using System.Security.Claims;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>
/// The claims every authenticated caller carries, whichever way they authenticated: the JWT names (sub, email,
/// role), unmapped, so an API key and a token made from it give the same principal.
/// </summary>
public static class VisionClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string KeyId = "key_id";

    public static IEnumerable<Claim> Of(UserRecord user, Guid keyId) =>
    [
        new Claim(Subject, user.Id.ToString()),
        new Claim(Email, user.Email),
        new Claim(Role, user.Role),
        new Claim(KeyId, keyId.ToString()),
    ];

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(Subject) ?? throw new InvalidOperationException("an authenticated caller without a user id"));

    public static Guid? ApiKeyId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(KeyId), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(UserRoles.Admin);

    /// <summary>Whose rows the caller may see: every row for an admin, else only their own.</summary>
    public static OwnerScope OwnerScope(this ClaimsPrincipal principal) =>
        principal.IsAdmin() ? Data.OwnerScope.Everyone : Data.OwnerScope.Of(principal.UserId());
}
