using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using VisionAspire.TestSupport;
using VisionAspire.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VisionAspire.Web.Tests;

/// <summary>Gallery, job and operations pages on an image uploaded through the Api.</summary>
[Collection(WebAppCollection.Name)]
public sealed class BrowsePagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Gallery_job_and_operations_pages_show_a_processed_image_and_an_operation_preview()
    {
        var fileName = $"zebra-{Guid.NewGuid():N}.jpg";
        var (imageId, jobId) = await UploadAsync(fileName, UniqueImages.WithTag(SharedImages.Bytes("zebra_coco1818.jpg"), fileName));
        await WaitUntilFinishedAsync(imageId);

        await using var session = await BrowserSession.OpenAsync(app);
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

    private async Task<(Guid Image, Guid Job)> UploadAsync(string fileName, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", fileName);
        using var response = await app.Api.PostAsync("/api/v1/images", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("images")[0].GetProperty("id").GetGuid(), json.RootElement.GetProperty("jobId").GetGuid());
    }

    /// <summary>Reads the image's status stream to its end: the Api closes it once the image is completed or failed.</summary>
    private async Task WaitUntilFinishedAsync(Guid imageId)
    {
        using var response = await app.Api.GetAsync($"/api/v1/images/events?ids={imageId}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        string? last = null;
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            last = JsonDocument.Parse(item.Data).RootElement.GetProperty("status").GetString();
        }

        Assert.Equal("completed", last);
    }
}
