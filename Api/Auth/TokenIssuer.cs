using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VisionAspire.Api.Auth;

/// <summary>Short-lived HS256 JWTs for a caller who authenticated with an API key.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

    public IssuedToken Issue(ClaimsPrincipal caller)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var claims = caller.Claims
            .Where(c => c.Type is VisionClaims.Subject or VisionClaims.Email or VisionClaims.Role or VisionClaims.KeyId)
            .ToDictionary(c => c.Type, c => (object)c.Value);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) => new(Encoding.UTF8.GetBytes(settings.JwtSigningKey));
}
