using System.Net;
using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>Invalid parameters and hostile inputs get 4xx problem details; the service stays healthy.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class HostileInputTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    private static readonly byte[] Bus = TestImages.Bytes("bus.jpg");

    [Theory]
    [InlineData("/api/v1/resize?width=0", "width", "from 1 to 8192")]
    [InlineData("/api/v1/resize?width=100000", "width", "from 1 to 8192")]
    [InlineData("/api/v1/resize?width=abc", "width", "an integer")]
    [InlineData("/api/v1/resize?width=100&mode=stretch", "mode", "one of fit, fill, exact, pad")]
    [InlineData("/api/v1/resize?width=100&mode=fill", "height", "is required")]
    [InlineData("/api/v1/filter?type=gaussian-blur&sigma=0", "sigma", "greater than 0")]
    [InlineData("/api/v1/filter?type=gaussian-blur&sigma=51", "sigma", "at most 50")]
    [InlineData("/api/v1/filter?type=median&size=4", "size", "odd")]
    [InlineData("/api/v1/filter?type=blur&sigma=2", "sigma", "radius")]
    [InlineData("/api/v1/filter", "type", "is required")]
    [InlineData("/api/v1/enhance?brightness=4", "brightness", "from 0 to 3")]
    [InlineData("/api/v1/enhance?gamma=2", "gamma", "brightness, contrast, saturation, sharpness")]
    [InlineData("/api/v1/convert?format=bmp", "format", "one of jpeg")]
    [InlineData("/api/v1/convert?format=jpeg&quality=101", "quality", "from 1 to 100")]
    [InlineData("/api/v1/crop?left=700&top=0&width=200&height=100", "width", "does not lie inside")]
    [InlineData("/api/v1/crop?strategy=faces&width=100&height=100&left=3", "left", "only to strategy box")]
    public async Task Invalid_parameters_are_400_naming_the_field_and_range(string url, string field, string expected)
    {
        using var response = await _api.PostImageAsync(url, Bus);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await OperationsClient.ProblemAsync(response);
        var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_an_image_is_400_naming_file()
    {
        using var response = await _api.Http.PostAsync("/api/v1/resize?width=10", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(response))["errors"]!["file"]);
    }

    [Fact]
    public async Task A_text_file_is_415()
    {
        using var response = await _api.PostImageAsync("/api/v1/resize?width=10", "not an image, just text\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await OperationsClient.ProblemAsync(response);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(0.5)]
    public async Task A_truncated_jpeg_is_422(double cut)
    {
        var length = cut > 1 ? (int)cut : (int)(Bus.Length * cut);

        using var response = await _api.PostImageAsync("/api/v1/filter?type=emboss", Bus[..length]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await OperationsClient.ProblemAsync(response);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header()
    {
        using var response = await _api.PostImageAsync("/api/v1/resize?width=10", CraftedImages.DecompressionBomb());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("100000x100000", (await OperationsClient.ProblemAsync(response))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_image_id_is_404_and_a_malformed_one_400()
    {
        using var unknown = await _api.Http.GetAsync($"/api/v1/image-info?imageId={Guid.NewGuid()}");
        using var malformed = await _api.Http.GetAsync("/api/v1/image-info?imageId=nope");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await OperationsClient.ProblemAsync(unknown);
        Assert.NotNull((await OperationsClient.ProblemAsync(malformed))["errors"]!["imageId"]);
    }

    [Fact]
    public async Task After_hostile_inputs_the_service_is_healthy_and_still_works()
    {
        for (var i = 0; i < 5; i++)
        {
            (await _api.PostImageAsync("/api/v1/resize?width=10", CraftedImages.DecompressionBomb())).Dispose();
            (await _api.PostImageAsync("/api/v1/filter?type=emboss", Bus[..(Bus.Length / 3)])).Dispose();
        }

        using var health = await _api.Http.GetAsync("/health");
        var (body, _) = await _api.ProcessAsync("/api/v1/resize?width=64", Bus);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(Imaging.ImageFormat.Jpeg, Imaging.ImageFormatSniffer.Detect(body));
    }
}
