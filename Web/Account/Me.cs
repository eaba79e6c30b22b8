namespace VisionAspire.Web.Account;

// GET /api/v1/me as this app reads it.

public sealed record MeUser(Guid Id, string Email, string? DisplayName, string Role);

public sealed record Me(MeUser User, string AuthenticatedWith);
