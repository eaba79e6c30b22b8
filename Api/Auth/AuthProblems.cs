using Microsoft.AspNetCore.Mvc;

namespace VisionAspire.Api.Auth;

/// <summary>401 and 403 as problem details that say what to send, whichever scheme challenged.</summary>
public static class AuthProblems
{
    public const string MissingCredentials =
        $"Send an API key in the {ApiKeyAuthenticationHandler.HeaderName} header, or a bearer token from POST /api/v1/auth/token.";

    public static Task UnauthorizedAsync(HttpContext context, string? reason) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", reason ?? MissingCredentials);

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "This operation needs the admin role.");

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
