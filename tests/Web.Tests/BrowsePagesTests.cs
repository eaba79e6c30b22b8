using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

/// <summary>Gallery, job and operations pages on an image the signed-in person uploaded through the Api.</summary>
[Collection(WebAppCollection.Name)]
public sealed class BrowsePagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Gallery_job_and_operations_pages_show_a_processed_image_and_an_operation_preview()
    {
        var user = await WebUser.CreateAsync(app);
        using var api = user.CreateApiClient(app);
        var fileName = $"zebra-{Guid.NewGuid():N}.jpg";
        var (imageId, jobId) = await ApiUploads.UploadAsync(api, fileName, UniqueImages.WithTag(SharedImages.Bytes("zebra_coco1818.jpg"), fileName));
        await ApiUploads.WaitUntilCompletedAsync(api, imageId);

        await using var session = await BrowserSession.OpenSignedInAsync(app, user);
        var page = session.Page;

        await session.GoToAsync("/gallery?status=completed");
        await Expect(page.Locator($".gallery a[href='images/{imageId}']")).ToContainTextAsync(fileName);
        await Expect(page.Locator($".gallery a[href='images/{imageId}'] img")).ToHaveJSPropertyAsync("complete", true);
        await Screenshots.SaveAsync(page, "web-gallery");

        await session.GoToAsync($"/jobs/{jobId}");
        await Expect(page.Locator("label[for='job-progress']")).ToContainTextAsync("1 done, 0 failed of 1");

        await session.GoToAsync($"/operations?image={imageId}");
        await page.GetByLabel("Operation").SelectOptionAsync("resize");
        await page.GetByLabel("Width (px)").FillAsync("64");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator(".preview img")).ToBeVisibleAsync();
        await Expect(page.Locator(".preview")).ToContainTextAsync("64 ×");
        await Screenshots.SaveAsync(page, "web-operations");

        // A parameter the Api refuses comes back as its problem-details text.
        await page.GetByLabel("Width (px)").FillAsync("-5");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator(".problem")).ToContainTextAsync("width");

        Assert.Empty(session.Errors);
    }
}
