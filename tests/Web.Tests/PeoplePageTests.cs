using Microsoft.Playwright;
using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class PeoplePageTests(WebAppFixture app)
{
    private const string Portrait = "face_single_woman_laptop.jpg";

    [Fact]
    public async Task A_face_enrolled_by_clicking_it_is_recognised_in_another_photo_and_the_person_can_be_deleted()
    {
        var user = await WebUser.CreateAsync(app);
        using var api = user.CreateApiClient(app);
        // Two uploads of the same portrait (different bytes, so not deduplicated): enrol from one, recognise in the other.
        var enrolFrom = $"enrol-{Guid.NewGuid():N}.jpg";
        var recogniseIn = $"recognise-{Guid.NewGuid():N}.jpg";
        foreach (var name in new[] { enrolFrom, recogniseIn })
        {
            var (image, _) = await ApiUploads.UploadAsync(api, name, UniqueImages.WithTag(SharedImages.Bytes(Portrait), name));
            await ApiUploads.WaitUntilCompletedAsync(api, image);
        }

        var person = $"Ada {Guid.NewGuid():N}"[..12];
        await using var session = await BrowserSession.OpenSignedInAsync(app, user);
        var page = session.Page;
        await session.GoToAsync("/people");

        await page.GetByLabel("Name").FillAsync(person);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        var row = page.Locator($"tr[data-person='{person}']");
        await Expect(row.Locator(".face-count")).ToHaveTextAsync("0");
        await Expect(page.GetByLabel("Enrol clicked faces as")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));

        await page.Locator($".picker button[data-file='{enrolFrom}']").ClickAsync();
        var face = page.Locator($"figure.recognition[data-file='{enrolFrom}'] .face-target[data-status='unknown']");
        await Expect(face).ToHaveCountAsync(1);
        await face.ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"enrolled for {person}");
        await Expect(row.Locator(".face-count")).ToHaveTextAsync("1");

        await page.Locator($".picker button[data-file='{recogniseIn}']").ClickAsync();
        var recognised = page.Locator($"figure.recognition[data-file='{recogniseIn}'] .face-target[data-status='identified']");
        await Expect(recognised).ToContainTextAsync(person);
        await Expect(recognised).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"^Face 1: {person}"));
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('figure.recognition img'); return img && img.complete && img.naturalWidth > 0; }");
        await Screenshots.SaveAsync(page, "web-people");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {person}" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator($"figure.recognition[data-file='{recogniseIn}'] .face-target[data-status='unknown']")).ToHaveCountAsync(1);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_name_the_Api_refuses_shows_its_problem_text()
    {
        await using var session = await BrowserSession.OpenSignedInAsync(app, await WebUser.CreateAsync(app));
        var page = session.Page;
        await session.GoToAsync("/people");

        await page.GetByLabel("Name").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        await Expect(page.Locator(".problem")).ToContainTextAsync("name: name is required");
        Assert.Empty(session.Errors);
    }
}
