using System.Net.Mail;
using VisionAspire.Api.Problems;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>User administration (admins only): create users and give them keys.</summary>
public static class UsersApi
{
    private const int MaxKeyNameLength = 100;

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(AuthenticationSetup.AdminPolicy);

        api.MapPost("/", CreateUserAsync)
            .WithName("CreateUser")
            .WithSummary("Creates a user (role user or admin).")
            .Produces<UserResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:guid}/keys", CreateKeyAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for the user; the key's full text is in this response only.")
            .Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> CreateUserAsync(CreateUserRequest request, UserRepository users, CancellationToken ct)
    {
        var role = request.Role ?? UserRoles.User;
        if (!MailAddress.TryCreate(request.Email, out var email) || email.Address != request.Email.Trim() || request.Email.Length > 254)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Invalid email", $"'{request.Email}' is not an email address.");
        }

        if (!UserRoles.IsValid(role))
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Invalid role", $"Role must be '{UserRoles.User}' or '{UserRoles.Admin}'.");
        }

        var user = await users.CreateAsync(email.Address, request.DisplayName, role, ct);
        return user is null
            ? ApiProblems.Of(StatusCodes.Status409Conflict, "Email taken", $"A user with email '{email.Address}' exists.")
            : TypedResults.Created($"/api/v1/users/{user.Id}", ToResponse(user));
    }

    private static async Task<IResult> CreateKeyAsync(
        Guid id, CreateApiKeyRequest? request, UserRepository users, ApiKeyRepository keys, CancellationToken ct)
    {
        if (await users.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("user", id);
        }

        var name = string.IsNullOrWhiteSpace(request?.Name) ? "default" : request.Name.Trim();
        if (name.Length > MaxKeyNameLength)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Invalid key name", $"A key name has at most {MaxKeyNameLength} characters.");
        }

        var key = ApiKeySecret.Generate();
        var (salt, hash) = ApiKeySecret.HashNew(key);
        var record = await keys.InsertAsync(id, name, ApiKeySecret.PrefixOf(key), salt, hash, ct);
        return TypedResults.Created($"/api/v1/users/{id}/keys/{record.Id}",
            new CreatedApiKeyResponse(record.Id, record.Name, record.Prefix, key, record.CreatedAt));
    }

    public static UserResponse ToResponse(UserRecord user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.CreatedAt, user.UpdatedAt);
}
