using Microsoft.Playwright;

namespace VisionAspire.Web.Tests.Support;

/// <summary>A fresh browser context and page on the web app that records every console error and uncaught page error.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors) { _errors.Add(message.Text); }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors) { _errors.Add(error); }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) { return [.. _errors]; } }
    }

    public static async Task<BrowserSession> OpenAsync(WebAppFixture app)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Web.ToString() });
        // A loaded 2-core machine runs the whole topology beside the browser: generous, but still bounded.
        context.SetDefaultTimeout(60_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens <paramref name="path"/> and waits until the Blazor circuit has made the page interactive.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("main[data-interactive='true']").WaitForAsync();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
