namespace VisionAspire.Imaging.Tests;

/// <summary>
/// The explanation libvips gives reaches the exception. libvips keeps that text in one process-global buffer that
/// every failing call writes and clears, so these run alone: another test's failure at the same moment could take
/// or add text (the exception types never depend on it; see KillRaceTests).
/// </summary>
[CollectionDefinition(nameof(ErrorTextTests), DisableParallelization = true)]
[Collection(nameof(ErrorTextTests))]
public sealed class ErrorTextTests
{
    [Fact]
    public void A_truncated_jpeg_says_premature_end()
    {
        var bytes = TestImages.Bytes("zidane.jpg");
        var half = bytes[..(bytes.Length / 2)];
        using var image = VipsImage.Load(half);

        Assert.Contains("premature end", Assert.Throws<CorruptImageException>(() => image.ToPixels()).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("premature end", Assert.Throws<CorruptImageException>(() => VipsImage.ThumbnailPixels(half, 64)).Message,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Errors_do_not_leak_into_the_next_call()
    {
        Assert.Throws<CorruptImageException>(() => VipsImage.Load([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 1, 2, 3]));
        var half = TestImages.Bytes("zidane.jpg")[..50_000];
        using var image = VipsImage.Load(half);
        var error = Assert.Throws<CorruptImageException>(() => image.ToPixels());

        Assert.DoesNotContain("not a jpeg", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
