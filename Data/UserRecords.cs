namespace VisionAspire.Data;

public static class UserRoles
{
    public const string User = "user";
    public const string Admin = "admin";

    public static bool IsValid(string role) => role is User or Admin;
}

public sealed record UserRecord(Guid Id, string Email, string? DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An API key as stored: never the secret, only its salted hash.</summary>
public sealed record ApiKeyRecord(
    Guid Id, Guid UserId, string Name, string Prefix, byte[] Salt, byte[] Hash,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
