using Microsoft.Playwright;

namespace VisionAspire.Web.Tests.Support;

/// <summary>
/// Saves full-page screenshots into the folder named by VISION_WEB_SCREENSHOTS (docs/images for the README's
/// pictures); does nothing when it is unset, so ordinary test runs write no files.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("VISION_WEB_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
