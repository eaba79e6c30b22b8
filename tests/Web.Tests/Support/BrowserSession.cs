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

    /// <summary>A phone's screen (CSS pixels of a small current phone), for the responsive-layout checks.</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    public static async Task<BrowserSession> OpenAsync(WebAppFixture app, ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = app.Web.ToString() };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
            options.IsMobile = true;
            options.HasTouch = true;
        }

        var context = await app.Browser.NewContextAsync(options);
        // A loaded 2-core machine runs the whole topology beside the browser: generous, but still bounded.
        context.SetDefaultTimeout(60_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A session signed in as <paramref name="user"/> through the sign-in form.</summary>
    public static async Task<BrowserSession> OpenSignedInAsync(WebAppFixture app, WebUser user, ViewportSize? viewport = null)
    {
        var session = await OpenAsync(app, viewport);
        await session.Page.GotoAsync("/signin");
        await session.SignInAsync(user.Key);
        await session.Page.Locator("main[data-interactive='true']").WaitForAsync();
        return session;
    }

    /// <summary>Types the key into the sign-in form shown now and sends it (the page answers with a redirect or the error).</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Opens <paramref name="path"/> and waits until the Blazor circuit has made the page interactive.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("main[data-interactive='true']").WaitForAsync();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
