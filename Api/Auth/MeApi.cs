using System.Security.Claims;
using VisionAspire.Api.Problems;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>The caller's own account: who am I, my keys, revoke one.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/me").WithTags("Users");

        api.MapGet("/", GetMeAsync)
            .WithName("GetMe")
            .WithSummary("The authenticated user and their keys (prefixes only).")
            .Produces<MeResponse>();

        api.MapDelete("/keys/{keyId:guid}", RevokeKeyAsync)
            .WithName("RevokeMyApiKey")
            .WithSummary("Revokes one of the caller's keys.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> GetMeAsync(ClaimsPrincipal caller, UserRepository users, ApiKeyRepository keys, CancellationToken ct)
    {
        var user = await users.GetAsync(caller.UserId(), ct);
        if (user is null)
        {
            return ApiProblems.NotFound("user", caller.UserId());
        }

        var own = await keys.ListAsync(user.Id, ct);
        return TypedResults.Ok(new MeResponse(
            UsersApi.ToResponse(user),
            caller.Identity?.AuthenticationType ?? "",
            own.Select(k => new ApiKeyResponse(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToList()));
    }

    private static async Task<IResult> RevokeKeyAsync(
        Guid keyId, ClaimsPrincipal caller, ApiKeyRepository keys, ApiKeyValidator validator, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(caller.UserId(), keyId, ct))
        {
            return ApiProblems.NotFound("API key", keyId);
        }

        validator.Forget(keyId);
        return TypedResults.NoContent();
    }
}
