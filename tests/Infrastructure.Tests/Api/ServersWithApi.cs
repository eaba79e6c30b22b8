using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// Real Redis, Postgres and RabbitMQ (the AppHost's server resources), a filesystem store folder of its own, and the
/// Api process once <see cref="StartApiAsync"/> has run; disposed in reverse order.
/// </summary>
public sealed class ServersWithApi : IAsyncDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"vision-api-{Guid.NewGuid():N}");
    private ApiProcess? _api;

    private ServersWithApi(TestServers servers) => Servers = servers;

    public TestServers Servers { get; }

    public ApiProcess Api => _api ?? throw new InvalidOperationException("The Api process has not been started.");

    public static async Task<ServersWithApi> StartServersAsync() =>
        new(await TestServers.StartAsync(TestServers.Redis, TestServers.Postgres, TestServers.RabbitMQ));

    /// <param name="settings">The Api's environment beside its connection strings, e.g. ("Vision__RateLimit__Burst", "3").</param>
    public async Task<ApiProcess> StartApiAsync(params (string Name, string Value)[] settings)
    {
        var environment = await ApiProcess.ConnectionsAsync(Servers, _storage);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        _api = await ApiProcess.StartAsync(environment);
        return _api;
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await Servers.DisposeAsync();
        TestState.Delete(_storage);
    }
}
