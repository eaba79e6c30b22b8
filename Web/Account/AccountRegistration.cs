using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;

namespace VisionAspire.Web.Account;

/// <summary>
/// People sign in with their own API key (issue 14): cookie authentication whose encrypted ticket carries the key,
/// pages that need a signed-in person, the handler that calls the Api with that person's key, and the re-checks that
/// end a session whose key the Api has revoked.
/// </summary>
public static class AccountRegistration
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    /// <summary>
    /// Folder of the data-protection key ring that encrypts the cookies. ASP.NET Core's default (~/.aspnet/DataProtection-Keys)
    /// survives a restart where the home folder does; a read-only container (deploy/kubernetes) names a mounted folder here,
    /// shared by every replica, or everyone signs in again after a restart.
    /// </summary>
    public const string KeysFolderSetting = "Vision:Web:DataProtectionKeys";

    /// <summary>How often a signed-in person's key is checked with the Api again (a TimeSpan, default one minute).</summary>
    public const string KeyRevalidationSetting = "Vision:Web:KeyRevalidation";

    public static IHostApplicationBuilder AddVisionAccounts(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("VisionAspire.Web");
        if (builder.Configuration[KeysFolderSetting] is { Length: > 0 } folder)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.Cookie.Name = "VisionAspire.Web";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = CookieKeyValidation.ValidateAsync;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        var interval = builder.Configuration.GetValue<TimeSpan?>(KeyRevalidationSetting) ?? TimeSpan.FromMinutes(1);
        builder.Services.AddSingleton(sp => new KeyCheck(sp.GetRequiredService<IServiceScopeFactory>(), interval, sp.GetRequiredService<ILogger<KeyCheck>>()));
        builder.Services.AddScoped<AuthenticationStateProvider, KeyRevalidatingStateProvider>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CircuitServicesAccessor>();
        builder.Services.AddScoped<CircuitHandler, CircuitServicesHandler>();
        builder.Services.AddTransient<ApiKeyHandler>();
        return builder;
    }

    /// <summary>POST /signout (a form with the antiforgery token): ends the session and goes to the sign-in page.</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignOutPath, async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.LocalRedirect(SignInPath);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }
}
