using System.Security.Claims;
using VisionAspire.Api.Problems;

namespace VisionAspire.Api.Auth;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");

        api.MapPost("/token", IssueToken)
            .WithName("IssueToken")
            .WithSummary("Exchanges an API key (X-Api-Key) for a short-lived bearer JWT.")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return api;
    }

    private static IResult IssueToken(ClaimsPrincipal caller, TokenIssuer issuer, TimeProvider clock)
    {
        if (caller.ApiKeyId() is null || caller.Identity?.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "API key required",
                $"A token is issued for an API key: send it in the {ApiKeyAuthenticationHandler.HeaderName} header.");
        }

        var token = issuer.Issue(caller);
        var expiresIn = (int)Math.Round((token.ExpiresAt - clock.GetUtcNow()).TotalSeconds);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", expiresIn, token.ExpiresAt));
    }
}
