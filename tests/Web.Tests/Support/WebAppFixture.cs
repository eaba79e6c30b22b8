using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Web.Tests.Support;

/// <summary>
/// The real AppHost topology (servers, api, preprocessor, workers, web) and one headless Debian chromium, shared
/// by every test of the collection. Playwright runs its bundled driver; it never downloads a browser.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Services = ["api", "preprocessor", "workers", "web"];

    // The web app starts only once the Api is healthy (WaitFor), so on a loaded machine it needs longer than the
    // other topologies' default.
    private static readonly TimeSpan StartTimeout = TestAppHost.StartTimeout + TimeSpan.FromMinutes(4);

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public TestAppHost Host { get; private set; } = null!;

    public Uri Web { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Revoked keys end web sessions after one re-check interval: short here so the test need not wait a minute.
        Host = await TestAppHost.StartAsync<Projects.AppHost>(Services,
            builder => TestAppHost.SetEnvironment(builder, "web", "Vision__Web__KeyRevalidation", "00:00:02"), StartTimeout);
        Web = Host.App.GetEndpoint("web", "http");
        Api = Host.CreateApiClient();
        Api.Timeout = TimeSpan.FromMinutes(3);
        Assertions.SetDefaultExpectTimeout(60_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        Api?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
