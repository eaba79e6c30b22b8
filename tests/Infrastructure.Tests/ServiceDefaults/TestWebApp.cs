using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

/// <summary>A real Kestrel app on 127.0.0.1 with a free port, configured from a dictionary.</summary>
public sealed class TestWebApp : IAsyncDisposable
{
    private TestWebApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>A plain client (no service defaults) for calling this app.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestWebApp> StartAsync(
        IDictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null,
        bool serviceDefaults = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "infra-tests", EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (serviceDefaults)
        {
            builder.AddServiceDefaults();
        }
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        if (serviceDefaults)
        {
            app.MapDefaultEndpoints();
        }
        configureApp?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestWebApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
