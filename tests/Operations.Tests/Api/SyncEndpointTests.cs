using System.Net;
using VisionAspire.Imaging;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>The synchronous endpoints on the shared photos, through the real Api.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class SyncEndpointTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    private static readonly byte[] Bus = TestImages.Bytes("bus.jpg");

    [Theory]
    [InlineData("fit", 300, 300)]
    [InlineData("fill", 300, 200)]
    [InlineData("exact", 123, 457)]
    [InlineData("pad", 500, 500)]
    public async Task Resize_modes_produce_their_box(string mode, int width, int height)
    {
        var (body, response) = await _api.ProcessAsync($"/api/v1/resize?width={width}&height={height}&mode={mode}", Bus);

        using var source = VipsImage.Load(Bus);
        using var output = VipsImage.Load(body);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(output.Width.ToString(), response.Headers.GetValues("X-Image-Width").Single());
        if (mode == "fit")
        {
            var scale = Math.Min((double)width / source.Width, (double)height / source.Height);
            Assert.Equal(Math.Round(source.Width * scale), output.Width, 1.0);
            Assert.Equal(Math.Round(source.Height * scale), output.Height, 1.0);
            Assert.True(output.Width == width || output.Height == height);
        }
        else
        {
            Assert.Equal((width, height), (output.Width, output.Height));
        }
    }

    [Fact]
    public async Task Resize_does_not_enlarge_unless_upscale_is_asked()
    {
        using var source = VipsImage.Load(Bus);
        var wider = source.Width * 2;

        var (kept, _) = await _api.ProcessAsync($"/api/v1/resize?width={wider}", Bus);
        var (enlarged, _) = await _api.ProcessAsync($"/api/v1/resize?width={wider}&upscale=true", Bus);

        using var keptImage = VipsImage.Load(kept);
        using var enlargedImage = VipsImage.Load(enlarged);
        Assert.Equal((source.Width, source.Height), (keptImage.Width, keptImage.Height));
        Assert.Equal(wider, enlargedImage.Width);
    }

    [Fact]
    public async Task Blur_lowers_and_sharpen_raises_the_blur_score()
    {
        var original = (await _api.InfoAsync(Bus))["blurScore"]!.GetValue<double>();
        var (blurred, _) = await _api.ProcessAsync("/api/v1/filter?type=gaussian-blur&sigma=3&format=png", Bus);
        var (boxBlurred, _) = await _api.ProcessAsync("/api/v1/filter?type=blur&radius=3&format=png", Bus);
        var (sharpened, _) = await _api.ProcessAsync("/api/v1/filter?type=sharpen&sigma=1.5&amount=4&format=png", Bus);

        Assert.True((await _api.InfoAsync(blurred))["blurScore"]!.GetValue<double>() < original / 2);
        Assert.True((await _api.InfoAsync(boxBlurred))["blurScore"]!.GetValue<double>() < original / 2);
        Assert.True((await _api.InfoAsync(sharpened))["blurScore"]!.GetValue<double>() > original * 1.2);
    }

    [Fact]
    public async Task Grayscale_gives_one_band_and_canny_only_black_or_white()
    {
        var (grey, _) = await _api.ProcessAsync("/api/v1/filter?type=grayscale&format=png", Bus);
        var (sobel, _) = await _api.ProcessAsync("/api/v1/filter?type=edge-detect&format=png", Bus);
        var (canny, _) = await _api.ProcessAsync("/api/v1/filter?type=edge-detect&detector=canny&threshold=0.2&format=png", Bus);

        using var greyImage = VipsImage.Load(grey);
        using var sobelImage = VipsImage.Load(sobel);
        Assert.Equal(1, greyImage.Bands);
        Assert.Equal(1, sobelImage.Bands);
        var sobelInfo = await _api.InfoAsync(sobel);
        Assert.Equal(0, sobelInfo["colourfulness"]!.GetValue<double>(), 1e-6);
        var (blurred, _) = await _api.ProcessAsync("/api/v1/filter?type=gaussian-blur&sigma=4&format=png", Bus);
        var (blurredEdges, _) = await _api.ProcessAsync("/api/v1/filter?type=edge-detect&format=png", blurred);
        Assert.True(sobelInfo["meanBrightness"]!.GetValue<double>() > 2 * (await _api.InfoAsync(blurredEdges))["meanBrightness"]!.GetValue<double>(),
            "edges respond to detail: a blurred photo has much weaker ones");

        using var cannyImage = VipsImage.Load(canny);
        var pixels = cannyImage.ToPixels().Data;
        Assert.All(pixels, p => Assert.True(p is 0 or 255, $"canny pixel {p}"));
        Assert.Contains(pixels, p => p == 255);
    }

    [Fact]
    public async Task Median_emboss_and_contour_keep_the_size()
    {
        using var source = VipsImage.Load(Bus);
        foreach (var query in new[] { "type=median&size=5", "type=emboss", "type=contour" })
        {
            var (body, _) = await _api.ProcessAsync($"/api/v1/filter?{query}", Bus);
            using var output = VipsImage.Load(body);
            Assert.Equal((source.Width, source.Height), (output.Width, output.Height));
        }
    }

    [Fact]
    public async Task Enhance_moves_the_measured_properties()
    {
        var original = await _api.InfoAsync(Bus);
        var (greyed, _) = await _api.ProcessAsync("/api/v1/enhance?saturation=0", Bus);
        var (darker, _) = await _api.ProcessAsync("/api/v1/enhance?brightness=0.5", Bus);
        var (flatter, _) = await _api.ProcessAsync("/api/v1/enhance?contrast=0.3", Bus);

        Assert.True((await _api.InfoAsync(greyed))["colourfulness"]!.GetValue<double>() < 5);
        Assert.True((await _api.InfoAsync(darker))["meanBrightness"]!.GetValue<double>() < original["meanBrightness"]!.GetValue<double>() * 0.7);
        Assert.True((await _api.InfoAsync(flatter))["contrast"]!.GetValue<double>() < original["contrast"]!.GetValue<double>() * 0.5);
    }

    [Fact]
    public async Task Every_writable_format_round_trips_through_decode()
    {
        using var source = VipsImage.Load(Bus);
        Assert.Contains("webp", OutputEncoding.WritableFormats);
        foreach (var name in OutputEncoding.WritableFormats)
        {
            var (body, response) = await _api.ProcessAsync($"/api/v1/convert?format={name}&quality=70", Bus);
            var format = ImageFormatSniffer.FromName(name);

            Assert.Equal(ImageFormatSniffer.ContentType(format), response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(format, ImageFormatSniffer.Detect(body));
            using var decoded = VipsImage.Load(body);
            Assert.Equal((source.Width, source.Height), (decoded.Width, decoded.Height));
        }
    }

    [Theory]
    [InlineData("image/webp,image/*;q=0.8", "image/webp")]
    [InlineData("image/png", "image/png")]
    [InlineData("*/*", "image/jpeg")]
    public async Task Auto_format_follows_the_accept_header(string accept, string expected)
    {
        var (_, response) = await _api.ProcessAsync("/api/v1/convert?format=auto", Bus, accept);

        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Auto_format_with_nothing_acceptable_is_406()
    {
        using var response = await _api.PostImageAsync("/api/v1/convert?format=auto", Bus, "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        await OperationsClient.ProblemAsync(response);
    }

    [Fact]
    public async Task Strip_false_keeps_the_exif_and_the_default_drops_it()
    {
        var (kept, _) = await _api.ProcessAsync("/api/v1/resize?width=200&strip=false", Bus);
        var (stripped, _) = await _api.ProcessAsync("/api/v1/resize?width=200", Bus);

        Assert.NotEmpty((await _api.InfoAsync(kept))["exif"]!.AsObject());
        Assert.Empty((await _api.InfoAsync(stripped))["exif"]!.AsObject());
    }

    [Theory]
    [InlineData("attention")]
    [InlineData("entropy")]
    [InlineData("centre")]
    public async Task Smart_crops_have_the_asked_size(string strategy)
    {
        var (body, _) = await _api.ProcessAsync($"/api/v1/crop?strategy={strategy}&width=320&height=240", Bus);

        using var output = VipsImage.Load(body);
        Assert.Equal((320, 240), (output.Width, output.Height));
    }

    [Fact]
    public async Task A_box_crop_cuts_exactly_that_box()
    {
        var (body, response) = await _api.ProcessAsync("/api/v1/crop?left=10&top=20&width=100&height=50&format=png", Bus);

        using var output = VipsImage.Load(body);
        using var source = VipsImage.Load(Bus);
        using var expected = source.Crop(10, 20, 100, 50);
        Assert.Equal((100, 50), (output.Width, output.Height));
        Assert.Equal("10,20,100,50", response.Headers.GetValues("X-Crop-Region").Single());
        var (a, b) = (output.ToPixels().Data, expected.ToPixels().Data);
        Assert.True(a.Zip(b).Average(p => Math.Abs(p.First - p.Second)) < 3, "the crop shows the source's pixels there");
    }

    [Fact]
    public async Task Image_info_reports_every_field()
    {
        var info = await _api.InfoAsync(TestImages.Bytes("faces_family_five.jpg"));

        using var source = VipsImage.Load(TestImages.Bytes("faces_family_five.jpg"));
        Assert.Equal("jpeg", info["format"]!.GetValue<string>());
        Assert.Equal(source.Width, info["width"]!.GetValue<int>());
        Assert.Equal(source.Height, info["height"]!.GetValue<int>());
        Assert.Equal(3, info["bands"]!.GetValue<int>());
        Assert.Equal("srgb", info["colourSpace"]!.GetValue<string>());
        Assert.NotNull(info["exif"]);
        var histogram = info["histogram"]!;
        Assert.Equal(256, histogram["red"]!.AsArray().Count);
        Assert.Equal(histogram["pixelCount"]!.GetValue<long>(), histogram["green"]!.AsArray().Sum(b => b!.GetValue<long>()));
        Assert.InRange(info["meanBrightness"]!.GetValue<double>(), 1, 254);
        Assert.InRange(info["contrast"]!.GetValue<double>(), 1, 128);
        Assert.True(info["colourfulness"]!.GetValue<double>() > 1);
        Assert.True(info["blurScore"]!.GetValue<double>() > 0);
        Assert.InRange(info["entropy"]!.GetValue<double>(), 1, 8);
        Assert.InRange(info["edgeDensity"]!.GetValue<double>(), 0.0001, 1);
        var colours = info["dominantColours"]!.AsArray();
        Assert.InRange(colours.Count, 1, 5);
        Assert.Matches("^#[0-9A-F]{6}$", colours[0]!["hex"]!.GetValue<string>());
        Assert.InRange(info["composition"]!["saliencyX"]!.GetValue<double>(), 0, 1);
        Assert.InRange(info["composition"]!["ruleOfThirds"]!.GetValue<double>(), 0, 1);
    }

    [Fact]
    public async Task Image_info_of_a_stored_image_by_id_matches_the_upload()
    {
        var bytes = TestImages.Bytes("dog_bicycle_truck.jpg");
        var id = await _api.UploadAsync(bytes, "dog.jpg");

        var byId = await _api.GetJsonAsync($"/api/v1/image-info?imageId={id}");
        var byUpload = await _api.InfoAsync(bytes);

        Assert.Equal(byUpload["width"]!.GetValue<int>(), byId["width"]!.GetValue<int>());
        Assert.Equal(byUpload["blurScore"]!.GetValue<double>(), byId["blurScore"]!.GetValue<double>(), 6);
    }
}
