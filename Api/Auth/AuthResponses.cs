namespace VisionAspire.Api.Auth;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt);

public sealed record UserResponse(Guid Id, string Email, string? DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The only response that carries a key's full text: the one that creates it.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);

public sealed record MeResponse(UserResponse User, string AuthenticatedWith, IReadOnlyList<ApiKeyResponse> Keys);

public sealed record CreateUserRequest(string Email, string? DisplayName, string? Role);

public sealed record CreateApiKeyRequest(string? Name);
