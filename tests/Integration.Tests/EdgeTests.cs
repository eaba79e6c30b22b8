using System.Net;
using VisionAspire.Integration.Tests.Edge;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>Bad input and unknown ids get RFC 7807 problem details with the right status; the Api stays healthy.</summary>
[Collection(AppHostCollection.Name)]
public sealed class EdgeTests(PipelineFixture fixture)
{
    private ApiClient Api => fixture.Api;

    public static TheoryData<string, int> BadUploads => new()
    {
        { "empty", 400 },
        { "text-named-jpg", 415 },
        { "bomb-png", 422 },
        { "jpeg-cut-in-header", 422 },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_uploads_get_problem_details_and_the_api_stays_healthy(string input, int status)
    {
        var bytes = input switch
        {
            "empty" => [],
            "text-named-jpg" => CraftedImages.TextFile(),
            "bomb-png" => CraftedImages.DecompressionBomb(),
            "jpeg-cut-in-header" => CraftedImages.Truncated(File.ReadAllBytes(TestPaths.Image("zidane.jpg")), 40),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        var before = await CountImagesAsync();

        using var response = await Api.PostFilesAsync(("photo.jpg", bytes));

        await AssertProblemAsync(response, status);
        Assert.Equal(before, await CountImagesAsync());
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_gets_413_problem_details()
    {
        var oversized = new byte[51 * 1024 * 1024];
        File.ReadAllBytes(TestPaths.Image("bus.jpg")).CopyTo(oversized, 0);

        // Like curl for large bodies, ask before sending: the Api refuses from the headers alone, so no 51 MB
        // are pushed into a connection the server is about to close.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(oversized), "file", "huge.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = form };
        request.Headers.ExpectContinue = true;
        using var response = await Api.Http.SendAsync(request);

        await AssertProblemAsync(response, 413);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task A_request_without_file_parts_is_a_400_problem()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        using var response = await Api.Http.PostAsync("/api/v1/images", form);
        await AssertProblemAsync(response, 400);
    }

    [Theory]
    [InlineData("/api/v1/images/6f1d3c9e-8a47-4d8e-9d55-0b7f2f1f0c11")]
    [InlineData("/api/v1/images/6f1d3c9e-8a47-4d8e-9d55-0b7f2f1f0c11/content")]
    [InlineData("/api/v1/jobs/6f1d3c9e-8a47-4d8e-9d55-0b7f2f1f0c11")]
    [InlineData("/api/v1/images/not-a-guid")]
    public async Task Unknown_or_malformed_ids_are_404_problems(string path)
    {
        using var response = await Api.Http.GetAsync(path);
        await AssertProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("page=0")]
    [InlineData("kind=cat")]
    [InlineData("status=done")]
    public async Task Invalid_list_queries_are_400_validation_problems(string query)
    {
        using var response = await Api.Http.GetAsync($"/api/v1/images?{query}");
        await AssertProblemAsync(response, 400);
    }

    [Fact]
    public async Task The_openapi_document_and_swagger_ui_are_served()
    {
        var document = await Api.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/images/{id}", document);
        using var docs = await Api.Http.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, int status) => EdgeAssertions.AssertProblemAsync(response, status);

    private Task AssertHealthyAsync() => EdgeAssertions.AssertHealthyAsync(Api, fixture.Host.App);

    private Task<long> CountImagesAsync() => EdgeAssertions.CountImagesAsync(Api);
}
