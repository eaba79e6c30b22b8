using Microsoft.Extensions.Options;
using Npgsql;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>
/// Makes sure an admin can get in: the configured bootstrap key (the AppHost's <c>admin-api-key</c> parameter) is
/// registered for the admin user, replacing the previous bootstrap key; without one, an admin who has no key gets a
/// new one, logged once. Only hashes are stored. Runs after the migrations (hosted services start in order).
/// </summary>
public sealed class AdminBootstrapper(
    IOptions<AuthOptions> options, UserRepository users, ApiKeyRepository keys, ILogger<AdminBootstrapper> logger) : IHostedService
{
    public const string BootstrapKeyName = "bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await BootstrapAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < 10)
            {
                logger.LogWarning("Postgres not reachable for the admin key (attempt {Attempt}): {Reason}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 10)
            {
                // Another Api replica registered the same bootstrap key (or created the admin) at the same moment.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task BootstrapAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var admin = await users.GetOrCreateAsync(settings.BootstrapAdminEmail, UserRoles.Admin, ct);
        if (settings.BootstrapAdminKey is { Length: > 0 } configured)
        {
            if (!ApiKeySecret.IsWellFormed(configured))
            {
                throw new InvalidOperationException($"{AuthOptions.Section}:BootstrapAdminKey is not a well-formed key (va_ and at least 29 base64url characters).");
            }

            var key = await keys.FindByPrefixAsync(ApiKeySecret.PrefixOf(configured), ct) is ({ RevokedAt: null } found, var owner)
                      && owner.Id == admin.Id && ApiKeySecret.Matches(configured, found.Salt, found.Hash)
                ? found
                : await RegisterAsync(admin.Id, configured, ct);
            await keys.RevokeOthersNamedAsync(admin.Id, BootstrapKeyName, key.Id, ct);
            logger.LogInformation("Admin {Email} can use the configured bootstrap key {Prefix}…", admin.Email, key.Prefix);
            return;
        }

        if ((await keys.ListAsync(admin.Id, ct)).Any(k => k.RevokedAt is null))
        {
            return;
        }

        var generated = ApiKeySecret.Generate();
        await RegisterAsync(admin.Id, generated, ct);
        // Shown once, here; only its hash is stored.
        logger.LogWarning("First start: admin API key for {Email}: {ApiKey} (shown once; send it as X-Api-Key)", admin.Email, generated);
    }

    private async Task<ApiKeyRecord> RegisterAsync(Guid adminId, string key, CancellationToken ct)
    {
        var (salt, hash) = ApiKeySecret.HashNew(key);
        return await keys.InsertAsync(adminId, BootstrapKeyName, ApiKeySecret.PrefixOf(key), salt, hash, ct);
    }
}
