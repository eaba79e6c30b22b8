using System.Net;
using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

/// <summary>Every page on a phone's screen: nothing wider than the screen, every control labelled, no console errors.</summary>
[Collection(WebAppCollection.Name)]
public sealed class LayoutTests(WebAppFixture app)
{
    // Widths wider than the viewport, and form controls or buttons without an accessible name, as "what: where" lines.
    private const string LayoutProblems = """
        () => {
            const problems = [];
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width) {
                problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
            }
            for (const e of document.querySelectorAll('body *')) {
                const box = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                const clipped = e.closest('.table-scroll, .visually-hidden, .skip-link');
                if (!clipped && box.width > 0 && style.position !== 'fixed' && box.right > width + 0.5) {
                    problems.push(`wider than the screen: ${e.tagName.toLowerCase()}.${e.className} ends at ${box.right}`);
                }
            }
            for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
                const named = c.labels?.length > 0 || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
                    || (c.tagName === 'BUTTON' && c.textContent.trim().length > 0);
                if (!named) {
                    problems.push(`no accessible name: ${c.outerHTML.slice(0, 120)}`);
                }
            }
            return problems;
        }
        """;

    [Fact]
    public async Task Every_page_fits_a_phone_screen_with_labelled_controls_and_the_history_page_matches_the_Api()
    {
        var user = await WebUser.CreateAsync(app);
        using var api = user.CreateApiClient(app);
        var fileName = $"layout-{Guid.NewGuid():N}.jpg";
        var (imageId, jobId) = await ApiUploads.UploadAsync(api, fileName, UniqueImages.WithTag(SharedImages.Bytes("dog_bicycle_truck.jpg"), fileName));
        await ApiUploads.WaitUntilCompletedAsync(api, imageId);

        await using var session = await BrowserSession.OpenAsync(app, BrowserSession.Phone);
        var page = session.Page;
        await page.GotoAsync("/signin");
        await AssertFitsAsync("/signin");
        await session.SignInAsync(user.Key);
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        foreach (var path in new[] { "/", "/gallery", $"/images/{imageId}", $"/jobs/{jobId}", "/people", $"/operations?image={imageId}", "/history" })
        {
            await session.GoToAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            // Wait for what loads after the first render (lists, photos) before measuring.
            await Expect(page.Locator("[role=status]:text('Loading…')")).ToHaveCountAsync(0);
            await AssertFitsAsync(path);
        }

        // Until the Api has prediction history (issue 13 item 5) the page says so; once it has, this user's predictions are listed.
        using var history = await api.GetAsync("/api/v1/predictions");
        if (history.StatusCode == HttpStatusCode.NotFound)
        {
            await Expect(page.Locator("[data-empty='unavailable']")).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, history.StatusCode);
            await Expect(page.Locator($"table.history a[href='images/{imageId}']").First).ToBeAttachedAsync();
        }

        Assert.Empty(session.Errors);

        async Task AssertFitsAsync(string path)
        {
            var problems = await page.EvaluateAsync<string[]>(LayoutProblems);
            Assert.True(problems.Length == 0, $"{path} on a phone: {string.Join("; ", problems)}");
        }
    }
}
