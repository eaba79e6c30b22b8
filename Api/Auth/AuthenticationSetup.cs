using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>
/// <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; every endpoint requires one unless it allows anonymous
/// callers (health, metrics, the OpenAPI document). Admin endpoints use <see cref="AdminPolicy"/>.
/// </summary>
public static class AuthenticationSetup
{
    public const string AdminPolicy = "admin";
    private const string KeyOrBearer = "ApiKeyOrBearer";
    private const int MinimumSigningKeyLength = 32;

    public static void AddVisionAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var settings = section.Get<AuthOptions>() ?? new AuthOptions();
        if (settings.JwtSigningKey.Length < MinimumSigningKeyLength)
        {
            throw new InvalidOperationException(
                $"{AuthOptions.Section}:JwtSigningKey must be at least {MinimumSigningKeyLength} characters (the AppHost passes its jwt-signing-key parameter).");
        }

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ApiKeyValidator>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<AdminBootstrapper>();

        builder.Services.AddAuthentication(KeyOrBearer)
            .AddPolicyScheme(KeyOrBearer, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = TokenIssuer.SigningKey(settings),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = VisionClaims.Email,
                    RoleClaimType = VisionClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    AuthenticationType = JwtBearerDefaults.AuthenticationScheme,
                };
                o.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await AuthProblems.UnauthorizedAsync(context.HttpContext,
                            context.AuthenticateFailure is null ? null : "The bearer token is not valid (expired, wrong signature, issuer or audience).");
                    },
                    OnForbidden = context => AuthProblems.ForbiddenAsync(context.HttpContext),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Admin));
    }
}
