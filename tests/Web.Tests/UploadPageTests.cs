using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class UploadPageTests(WebAppFixture app)
{
    // Expected results as in Integration.Tests' SharedImageExpectations: 2 faces; a dog among the objects, CIFAR-10 "dog".
    private const string FacePhoto = "faces_two_handshake.jpg";
    private const string ObjectPhoto = "dog_bicycle_truck.jpg";

    // The first images of a cold topology wait for the models to load on a loaded machine.
    private static readonly LocatorWaitForOptions UntilProcessed = new() { Timeout = 240_000 };

    [Fact]
    public async Task A_person_signs_in_sees_uploads_reach_completed_live_and_their_results_then_signs_out()
    {
        var user = await WebUser.CreateAsync(app);
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var addresses = new List<string>();
        page.Request += (_, request) => { lock (addresses) { addresses.Add(request.Url); } };

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2F$"));
        await Screenshots.SaveAsync(page, "web-signin");
        await session.SignInAsync(user.Key);
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Expect(page).ToHaveURLAsync(app.Web.ToString());
        await Expect(page.Locator(".account .user")).ToHaveTextAsync(user.Email);
        // Survives only if the page is never reloaded: the rows must change by push.
        await page.EvaluateAsync("() => window.sameDocument = true");

        await page.Locator("#files").SetInputFilesAsync([SharedImages.PathOf(FacePhoto), SharedImages.PathOf(ObjectPhoto)]);

        foreach (var photo in new[] { FacePhoto, ObjectPhoto })
        {
            await page.Locator($"tr[data-file='{photo}'][data-status='completed']").WaitForAsync(UntilProcessed);
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await Screenshots.SaveAsync(page, "web-upload");
        var facePage = await page.Locator($"tr[data-file='{FacePhoto}'] a").GetAttributeAsync("href");

        await page.Locator($"tr[data-file='{ObjectPhoto}'] a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(ObjectPhoto);
        await Expect(page.Locator("svg.overlay g.object[data-label='dog'] rect").First).ToBeAttachedAsync();
        await Expect(page.Locator("svg.overlay g.object text").First).ToContainTextAsync("%");
        await Expect(page.Locator("ol.top5 li")).ToHaveCountAsync(5);
        await Expect(page.Locator(".facts")).ToContainTextAsync("CIFAR-10: dog");
        // The photo itself arrives through the web app's media relay; wait until the browser has decoded it.
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('figure.annotated img'); return img && img.complete && img.naturalWidth > 0; }");
        await Screenshots.SaveAsync(page, "web-image-objects");

        await session.GoToAsync(facePage!);
        // Landmarks are drawn when the detector gives them (YuNet); the default UltraFace gives boxes only.
        await Expect(page.Locator("svg.overlay g.face rect")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "web-image-faces");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync("/gallery");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fgallery$"));
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();

        lock (addresses)
        {
            Assert.DoesNotContain(addresses, url => url.Contains(user.Key, StringComparison.Ordinal));
        }

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_shows_the_Apis_problem_text_in_its_row()
    {
        var notAnImage = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.jpg");
        await File.WriteAllTextAsync(notAnImage, "These are meeting notes, not a JPEG.");
        try
        {
            await using var session = await BrowserSession.OpenSignedInAsync(app, await WebUser.CreateAsync(app));
            var page = session.Page;

            await page.Locator("#files").SetInputFilesAsync(notAnImage);

            var row = page.Locator($"tr[data-file='{Path.GetFileName(notAnImage)}']");
            await Expect(row).ToHaveAttributeAsync("data-status", "rejected");
            await Expect(row.Locator(".error")).ToContainTextAsync("Unsupported media type");
            Assert.Empty(session.Errors);
        }
        finally
        {
            File.Delete(notAnImage);
        }
    }

    [Fact]
    public async Task An_upload_left_to_its_kind_identifies_the_persons_people_and_names_them_on_its_page()
    {
        const string portrait = "face_single_woman_laptop.jpg";
        var user = await WebUser.CreateAsync(app);
        using (var api = user.CreateApiClient(app))
        {
            using var created = await api.PostAsJsonAsync("/api/v1/people", new { name = "Ada" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var photo = new ByteArrayContent(SharedImages.Bytes(portrait));
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var enrolled = await api.PostAsync($"/api/v1/people/{person}/faces", new MultipartFormDataContent { { photo, "file", portrait } });
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        // The same photo with other bytes, so the upload is an image of its own.
        var copy = Path.Combine(Path.GetTempPath(), $"ada-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(copy, UniqueImages.WithTag(SharedImages.Bytes(portrait), $"web-{Guid.NewGuid()}"));
        try
        {
            await using var session = await BrowserSession.OpenSignedInAsync(app, user);
            var page = session.Page;
            // Nothing ticked: the Api chooses by kind, and a face photo gets faces and recognize.
            Assert.Equal(0, await page.Locator("fieldset.tasks input:checked").CountAsync());

            await page.Locator("#files").SetInputFilesAsync(copy);
            var row = page.Locator($"tr[data-file='{Path.GetFileName(copy)}']");
            await page.Locator($"tr[data-file='{Path.GetFileName(copy)}'][data-status='completed']").WaitForAsync(UntilProcessed);
            await row.Locator("a").ClickAsync();

            await Expect(page.Locator("svg.overlay g.person[data-status='identified'] text")).ToContainTextAsync("Ada");
            await Expect(page.Locator(".found li.person[data-status='identified']")).ToContainTextAsync("Ada");
            Assert.Empty(session.Errors);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
