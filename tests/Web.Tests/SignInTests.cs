using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task A_wrong_key_shows_the_Apis_problem_text_and_nothing_opens()
    {
        const string wrongKey = "va_ThisKeyWasNeverIssued_0123456789abcdefghijklmnop";
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        await page.GotoAsync("/people");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fpeople$"));

        // By keyboard only: the labelled field takes the key and Enter sends the form.
        await page.GetByLabel("API key").FocusAsync();
        await page.Keyboard.TypeAsync(wrongKey);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".problem")).ToContainTextAsync("not valid");
        Assert.DoesNotContain(wrongKey, page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/people");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fpeople$"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_empty_key_is_refused_on_the_page_and_the_Api_relay_needs_a_signed_in_person()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".validation-message")).ToContainTextAsync("Enter your API key");

        // The image relay calls the Api with the visitor's key: without one it sends them to sign in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Web };
        using var relay = await anonymous.GetAsync($"/media/api/v1/images/{Guid.NewGuid()}/content");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, relay.StatusCode);
        Assert.Contains("/signin", relay.Headers.Location?.ToString());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_key_revoked_in_the_Api_ends_the_session_of_an_open_page_and_of_its_cookie()
    {
        var user = await WebUser.CreateAsync(app);
        await using var session = await BrowserSession.OpenSignedInAsync(app, user);
        var page = session.Page;
        await session.GoToAsync("/people");

        using (var api = user.CreateApiClient(app))
        {
            var me = await api.GetFromJsonAsync<OwnKeys>("/api/v1/me");
            using var revoked = await api.DeleteAsync($"/api/v1/me/keys/{me!.Keys.Single().Id}");
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        // The open page's circuit checks the key again (every 2 s in these tests) and is sent to sign in...
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fpeople$"));
        // ...and the cookie no longer signs anyone in.
        await page.GotoAsync("/history");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fhistory$"));
        Assert.Empty(session.Errors);
    }

    private sealed record OwnKey(Guid Id);

    private sealed record OwnKeys(IReadOnlyList<OwnKey> Keys);
}
