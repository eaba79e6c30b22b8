using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace VisionAspire.Web.Account;

/// <summary>
/// A live circuit (an open page) re-checks its person's key on the same interval as the cookie; once the Api refuses
/// it, the circuit's person is anonymous, its Api calls carry no key and the router sends the page to sign in.
/// </summary>
public sealed class KeyRevalidatingStateProvider(ILoggerFactory loggers, KeyCheck check) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => check.Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        SignedInUser.ApiKeyOf(authenticationState.User) is { } key ? check.IsStillValidAsync(key, cancellationToken) : Task.FromResult(true);
}
