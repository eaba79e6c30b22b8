using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace VisionAspire.Web.Account;

/// <summary>
/// The cookie handler's <c>OnValidatePrincipal</c>: once <see cref="KeyCheck.Interval"/> has passed since the ticket's
/// key was last checked, the next request checks it again; a refused key signs the person out there and then.
/// </summary>
public static class CookieKeyValidation
{
    private const string CheckedAt = "vision:key_checked_at";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (SignedInUser.ApiKeyOf(context.Principal) is not { } key)
        {
            return;
        }

        var check = context.HttpContext.RequestServices.GetRequiredService<KeyCheck>();
        var now = DateTimeOffset.UtcNow;
        if (context.Properties.Items.TryGetValue(CheckedAt, out var last)
            && DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && now - at < check.Interval)
        {
            return;
        }

        if (!await check.IsStillValidAsync(key, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
