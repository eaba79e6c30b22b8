using VisionAspire.Imaging;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Edge;

/// <summary>
/// Hostile and borderline image files (generated here). A file that cannot be a safe image is refused at the edge with
/// problem details and leaves nothing behind; one that is a legal image, however odd, is accepted and settles
/// (completed, or failed with a reason where its pixels are broken). The topology stays healthy either way.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class HostileFileTests(PipelineFixture fixture)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(2);

    private ApiClient Api => fixture.Api;

    private static byte[] Photo => File.ReadAllBytes(TestPaths.Image("bus.jpg"));

    public static TheoryData<string, int> RefusedFiles => new()
    {
        { "png-0x0", 422 },
        { "png-signature-over-jpeg", 422 },
        { "jpeg-claiming-60000x60000", 422 },
        { "svg-external-entity", 415 },
        { "webp-header-only", 422 },
        { "heif-header-only", 422 },
        { "tiff-header-only", 422 },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Files_that_are_no_safe_image_are_refused_with_problem_details(string kind, int status)
    {
        var bytes = kind switch
        {
            "png-0x0" => HostileImages.ZeroByZeroPng(),
            "png-signature-over-jpeg" => HostileImages.PngSignatureOverJpeg(Photo),
            "jpeg-claiming-60000x60000" => HostileImages.JpegClaimingSize(Photo, 60_000),
            "svg-external-entity" => HostileImages.SvgWithExternalEntity(),
            "webp-header-only" => HostileImages.WebPHeaderOnly(),
            "heif-header-only" => HostileImages.HeifHeaderOnly(),
            "tiff-header-only" => HostileImages.TiffHeaderOnly(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var before = await EdgeAssertions.CountImagesAsync(Api);

        using var response = await Api.PostFilesAsync(($"{kind}.img", bytes));

        await EdgeAssertions.AssertProblemAsync(response, status);
        Assert.Equal(before, await EdgeAssertions.CountImagesAsync(Api));
        await EdgeAssertions.AssertHealthyAsync(Api, fixture.Host.App);
    }

    public static TheoryData<string, string> OddButLegalFiles => new()
    {
        // A complete JPEG with a PNG after its end marker: a JPEG (trailing bytes are legal), stored and served as image/jpeg.
        { "jpeg-png-polyglot", "completed" },
        { "png-16-bit", "completed" },
        { "jpeg-cmyk", "completed" },
        { "gif-animated", "completed" },
        { "webp-animated", "completed" },
        { "png-named-jpg", "completed" },
        // Legal files whose processing may refuse them; either way they must settle, failed only with a reason.
        { "png-1x2000", "settled" },
        { "jpeg-huge-exif", "settled" },
        // libvips sizes a GIF by its frames (here 4 × 4), so a 65535 × 65535 logical screen allocates nothing.
        { "gif-screen-claiming-65535x65535", "settled" },
        // The header is whole, the scan data is cut: accepted at the edge (header-only checks), failed by the Preprocessor.
        { "jpeg-truncated-in-scan", "failed" },
    };

    [Theory]
    [MemberData(nameof(OddButLegalFiles))]
    public async Task Odd_but_legal_files_are_accepted_and_settle(string kind, string outcome)
    {
        var tag = $"{kind}-{Guid.NewGuid()}";
        var bytes = kind switch
        {
            "jpeg-png-polyglot" => HostileImages.JpegWithPngAppended(Photo, tag),
            "png-16-bit" => HostileImages.SixteenBitPng(Photo, tag),
            "jpeg-cmyk" => HostileImages.CmykJpeg(Photo, tag),
            "gif-animated" => HostileImages.AnimatedGif(Photo, tag),
            "webp-animated" => HostileImages.AnimatedWebP(Photo, tag),
            "png-named-jpg" => HostileImages.Png(Photo, tag),
            "png-1x2000" => HostileImages.OnePixelWidePng(2000, tag),
            "jpeg-huge-exif" => HostileImages.HugeExifJpeg(Photo, tag),
            "gif-screen-claiming-65535x65535" => HostileImages.GifClaimingHugeScreen(tag),
            "jpeg-truncated-in-scan" => CraftedImages.Truncated(UniqueImages.WithTag(Photo, tag), Photo.Length / 2),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var image = await UploadAndSettleAsync($"{kind}.jpg", bytes);

        if (kind == "jpeg-png-polyglot")
        {
            using var content = await Api.Http.GetAsync(image.Links.Content);
            Assert.Equal("image/jpeg", content.Content.Headers.ContentType?.MediaType);
        }

        switch (outcome)
        {
            case "completed":
                Assert.True(image.Status == "completed", $"{kind}: {image.Status} {image.Error}");
                break;
            case "failed":
                Assert.True(image.Status == "failed" && !string.IsNullOrWhiteSpace(image.Error), $"{kind}: {image.Status} {image.Error}");
                break;
            default:
                Assert.True(image.Status == "completed" || !string.IsNullOrWhiteSpace(image.Error), $"{kind} failed without a reason");
                break;
        }
        await EdgeAssertions.AssertHealthyAsync(Api, fixture.Host.App);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Exif_orientations_that_swap_the_sides_are_honoured(int orientation)
    {
        var bytes = HostileImages.WithOrientation(Photo, orientation, $"orientation-{orientation}-{Guid.NewGuid()}");
        var stored = VipsImage.ReadHeader(bytes);
        Assert.Equal(orientation, stored.Orientation);

        var image = await UploadAndSettleAsync($"orientation-{orientation}.jpg", bytes);

        Assert.True(image.Status == "completed", $"{image.Status} {image.Error}");
        Assert.Equal((stored.Height, stored.Width), (image.Width, image.Height));
    }

    private async Task<ImageView> UploadAndSettleAsync(string name, byte[] bytes)
    {
        var upload = await Api.UploadAsync((name, bytes));
        return await Api.WaitForTerminalAsync(upload.Images.Single().Id, SettleTimeout);
    }
}
