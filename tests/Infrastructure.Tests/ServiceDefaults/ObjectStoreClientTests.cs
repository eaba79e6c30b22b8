using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VisionAspire.Infrastructure.Tests.Storage;
using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class ObjectStoreClientTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task A_Path_connection_string_gives_a_filesystem_store_and_a_healthy_check()
    {
        using var root = new TempDirectory();
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:storage"] = $"Path={root.Path}" },
            builder => builder.AddObjectStoreClient("storage"));

        var store = app.Services.GetRequiredService<IObjectStore>();
        Assert.Same(store, app.Services.GetRequiredService<IObjectStore>());
        await store.PutAsync("k", new byte[] { 1 }, "image/png");
        Assert.True(File.Exists(Path.Combine(root.Path, "objects", "k")));
        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_Endpoint_connection_string_stores_in_S3()
    {
        var bucket = $"client-{Guid.NewGuid():N}";
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:storage"] = $"Endpoint={moto.Endpoint};AccessKey=a;SecretKey=b;Bucket={bucket}" },
            builder => builder.AddObjectStoreClient("storage"));

        var store = app.Services.GetRequiredService<IObjectStore>();
        await store.PutAsync("photos/a.jpg", new byte[] { 7, 8 }, "image/jpeg");
        using var health = await app.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var direct = (S3ObjectStore)ObjectStoreFactory.FromConnectionString($"Endpoint={moto.Endpoint};AccessKey=a;SecretKey=b;Bucket={bucket}");
        Assert.Equal(new byte[] { 7, 8 }, (await direct.GetAsync("photos/a.jpg"))!.Data);
    }

    [Fact]
    public async Task The_connection_string_can_come_from_the_settings_section_and_the_connection_string_wins()
    {
        using var fromSection = new TempDirectory();
        using var fromConnectionStrings = new TempDirectory();
        var configuration = new Dictionary<string, string?>
        {
            ["Aspire:ObjectStore:Client:ConnectionString"] = $"Path={fromSection.Path}",
            ["Aspire:ObjectStore:Client:archive:ConnectionString"] = $"Path={fromConnectionStrings.Path}/unused",
            ["ConnectionStrings:archive"] = $"Path={fromConnectionStrings.Path}",
        };
        foreach (var name in new[] { "storage", "archive" })
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.AddObjectStoreClient(name);
            await using var provider = builder.Services.BuildServiceProvider();
            await provider.GetRequiredService<IObjectStore>().PutAsync(name, new byte[] { 1 }, "image/png");
        }

        Assert.True(File.Exists(Path.Combine(fromSection.Path, "objects", "storage")));
        Assert.True(File.Exists(Path.Combine(fromConnectionStrings.Path, "objects", "archive")));
    }

    [Fact]
    public async Task A_missing_connection_string_names_the_setting_and_fails_the_health_check()
    {
        await using var app = await TestWebApp.StartAsync(configureBuilder: builder => builder.AddObjectStoreClient("storage"));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IObjectStore>());
        Assert.Contains("ConnectionStrings__storage", error.Message);
        Assert.Contains("Aspire:ObjectStore:Client:ConnectionString", error.Message);
        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Theory]
    [InlineData("Bucket=vision")]
    [InlineData("Endpoint=ftp://host;AccessKey=a;SecretKey=b")]
    [InlineData("Endpoint=http://127.0.0.1:9;SecretKey=b")]
    public async Task A_malformed_connection_string_fails_the_health_check_not_the_start(string connectionString)
    {
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:storage"] = connectionString },
            builder => builder.AddObjectStoreClient("storage"));

        Assert.Throws<FormatException>(() => app.Services.GetRequiredService<IObjectStore>());
        using var health = await app.Http.GetAsync("/health");
        using var alive = await app.Http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_S3_endpoint_is_unhealthy()
    {
        var port = VisionAspire.LocalServers.LoopbackPort.Free();
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:storage"] = $"Endpoint=http://127.0.0.1:{port};AccessKey=a;SecretKey=b" },
            builder => builder.AddObjectStoreClient("storage"));

        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Every_store_call_is_a_client_span_of_the_storage_source_unless_tracing_is_disabled()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VisionAspire.Storage",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var root = new TempDirectory();
        var key = $"traced/{Guid.NewGuid():N}";

        foreach (var disableTracing in new[] { false, true })
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:storage"] = $"Path={root.Path}" });
            builder.AddObjectStoreClient("storage", settings => settings.DisableTracing = disableTracing);
            await using var provider = builder.Services.BuildServiceProvider();
            var store = provider.GetRequiredService<IObjectStore>();
            await store.PutAsync(key, new byte[] { 1 }, "image/png");
            Assert.NotNull(await store.GetAsync(key));
        }

        Activity[] mine;
        lock (spans)
        {
            mine = spans.Where(s => Equals(s.GetTagItem("storage.key"), key)).ToArray();
        }
        Assert.Equal(["storage put", "storage get"], mine.Select(s => s.DisplayName));
        Assert.All(mine, s => Assert.Equal(ActivityKind.Client, s.Kind));
        Assert.All(mine, s => Assert.Equal("filesystem", s.GetTagItem("storage.system")));
    }
}
