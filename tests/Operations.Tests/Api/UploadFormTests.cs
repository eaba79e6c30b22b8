using System.Net;
using System.Net.Http.Headers;

namespace VisionAspire.Operations.Tests.Api;

/// <summary>The multipart body of an image operation, read part by part: limits, odd part orders, malformed bodies.</summary>
[Collection(OperationsAppCollection.Name)]
public sealed class UploadFormTests(OperationsAppFixture fixture)
{
    private readonly OperationsClient _api = new(fixture.Http);

    private static readonly byte[] Bus = TestImages.Bytes("bus.jpg");

    [Fact]
    public async Task An_upload_over_the_size_limit_is_413_problem_details()
    {
        var oversized = new byte[51 * 1024 * 1024];
        Bus.CopyTo(oversized, 0);

        // Asks before sending, as curl does for large bodies: the Api refuses from Content-Length alone.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resize?width=10") { Content = OperationsClient.Form(oversized) };
        request.Headers.ExpectContinue = true;
        // HttpClient sends the body anyway after 1 s without an answer; on a loaded machine the Api can take longer
        // (a key lookup first), and then the 413 races the body into a broken pipe. Wait for the answer instead.
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = _api.Http.BaseAddress,
        };
        foreach (var header in _api.Http.DefaultRequestHeaders)
        {
            patient.DefaultRequestHeaders.Add(header.Key, header.Value);
        }
        using var response = await patient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Upload too large", (await OperationsClient.ProblemAsync(response))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_file_part_is_found_after_other_fields_and_files()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a note"), "comment" },
            { new ByteArrayContent("not the image"u8.ToArray()), "thumbnail", "other.bin" },
            { new ByteArrayContent(Bus), "FILE", "bus.jpg" },
        };

        using var response = await _api.Http.PostAsync("/api/v1/resize?width=64", form);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("64", response.Headers.GetValues("X-Image-Width").Single());
        Assert.Equal(Imaging.ImageFormat.Jpeg, Imaging.ImageFormatSniffer.Detect(body));
    }

    [Fact]
    public async Task An_image_id_field_next_to_a_file_is_400_naming_image_id()
    {
        using var form = OperationsClient.Form(Bus);
        form.Add(new StringContent(Guid.NewGuid().ToString()), "imageId");

        using var response = await _api.Http.PostAsync("/api/v1/resize?width=64", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await OperationsClient.ProblemAsync(response))["errors"]!["imageId"]);
    }

    [Fact]
    public async Task An_image_id_in_a_urlencoded_body_is_read()
    {
        using var form = new FormUrlEncodedContent([new("imageId", "nope")]);

        using var response = await _api.Http.PostAsync("/api/v1/resize?width=64", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nope", (await OperationsClient.ProblemAsync(response))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_multipart_body_that_never_ends_its_part_is_400_problem_details()
    {
        var text = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.jpg\"\r\n\r\n"u8.ToArray().Concat(Bus[..5000]).ToArray();
        using var content = new ByteArrayContent(text);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b1");

        using var response = await _api.Http.PostAsync("/api/v1/resize?width=64", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed multipart body", (await OperationsClient.ProblemAsync(response))["title"]!.GetValue<string>());
    }
}
