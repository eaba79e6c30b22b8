using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class PostgresClientTests : IAsyncLifetime
{
    private TestServers _servers = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.StartAsync(TestServers.Postgres);
        _connectionString = await _servers.ConnectionStringAsync(TestServers.Postgres);
    }

    public async Task DisposeAsync() => await _servers.DisposeAsync();

    [Fact]
    public async Task AddNpgsqlDataSource_queries_the_real_server_and_reports_healthy()
    {
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:visiondb"] = _connectionString + ";Database=postgres" },
            builder => builder.AddNpgsqlDataSource("visiondb"));

        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT 40 + 2");
        Assert.Equal(42, await command.ExecuteScalarAsync());

        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
