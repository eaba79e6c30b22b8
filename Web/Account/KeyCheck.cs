using System.Net;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Account;

/// <summary>
/// Asks the Api, every <see cref="Interval"/>, whether a signed-in person's key is still valid, so a key revoked in the
/// Api ends the web sessions that signed in with it. Only a refusal (401) ends a session: an Api that cannot answer
/// right now keeps it. Thread-safe.
/// </summary>
public sealed class KeyCheck(IServiceScopeFactory scopes, TimeSpan interval, ILogger<KeyCheck> logger)
{
    public TimeSpan Interval => interval;

    public async Task<bool> IsStillValidAsync(string apiKey, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<AccountClient>().WhoIsAsync(apiKey, ct);
            return true;
        }
        catch (ApiProblemException e) when (e.Status == HttpStatusCode.Unauthorized)
        {
            return false;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The signed-in key could not be checked with the Api; the session stays until the next check");
            return true;
        }
    }
}
