using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class PostgresClientTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PostgresServerProcess _postgres = null!;

    public async Task InitializeAsync() =>
        _postgres = await PostgresServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "pg") });

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task AddNpgsqlDataSource_queries_the_real_server_and_reports_healthy()
    {
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:visiondb"] = _postgres.ConnectionString + ";Database=postgres" },
            builder => builder.AddNpgsqlDataSource("visiondb"));

        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT 40 + 2");
        Assert.Equal(42, await command.ExecuteScalarAsync());

        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
