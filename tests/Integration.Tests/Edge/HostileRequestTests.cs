using System.Net;
using System.Text;
using System.Text.Json;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Edge;

/// <summary>
/// Hostile request shapes around the files: thousands of form parts, broken or missing multipart, too many files, an
/// unknown task, and file names built to escape a folder or break text handling. Refusals are problem details that
/// leave nothing behind; an odd name is cleaned, never trusted; the topology stays healthy.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class HostileRequestTests(PipelineFixture fixture)
{
    private ApiClient Api => fixture.Api;

    public static TheoryData<string, int> RefusedRequests => new()
    {
        { "10k-file-parts", 400 },
        { "10k-form-fields", 400 },
        { "multipart-without-closing-boundary", 400 },
        { "json-body", 415 },
        { "101-files", 400 },
        { "unknown-task", 400 },
        // 10 000 emoji: a 40 KB part header, over the multipart reader's 16 KB limit.
        { "40-kb-file-name", 400 },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task Hostile_requests_are_refused_with_problem_details(string kind, int status)
    {
        var tiny = HostileImages.OnePixelWidePng(1, $"{kind}-{Guid.NewGuid()}");
        HttpContent content = kind switch
        {
            "10k-file-parts" => RawMultipart.Content(Enumerable.Range(0, 10_000).Select(i => RawMultipart.FilePart(Encoding.ASCII.GetBytes($"{i}.png"), tiny))),
            "10k-form-fields" => RawMultipart.Content([.. Enumerable.Range(0, 10_000).Select(i => RawMultipart.FieldPart($"f{i}", "x")),
                RawMultipart.FilePart("a.png"u8.ToArray(), tiny)]),
            "multipart-without-closing-boundary" => RawMultipart.Content([RawMultipart.FilePart("a.png"u8.ToArray(), tiny)], closed: false),
            "json-body" => new StringContent("""{"file":"iVBORw0KGgo="}""", Encoding.UTF8, "application/json"),
            "101-files" => RawMultipart.Content(Enumerable.Range(0, 101).Select(i => RawMultipart.FilePart(Encoding.ASCII.GetBytes($"{i}.png"), tiny))),
            "unknown-task" => RawMultipart.Content([RawMultipart.FieldPart("tasks", "telepathy"), RawMultipart.FilePart("a.png"u8.ToArray(), tiny)]),
            "40-kb-file-name" => RawMultipart.Content([RawMultipart.FilePart(Emoji(10_000), tiny)]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var before = await EdgeAssertions.CountImagesAsync(Api);

        using (content)
        using (var response = await Api.Http.PostAsync("/api/v1/images", content))
        {
            await EdgeAssertions.AssertProblemAsync(response, status);
        }

        Assert.Equal(before, await EdgeAssertions.CountImagesAsync(Api));
        await EdgeAssertions.AssertHealthyAsync(Api, fixture.Host.App);
    }

    public static TheoryData<string, string> HostileFileNames => new()
    {
        { "slash-traversal", "passwd.jpg" },
        { "backslash-traversal", "win.ini.jpg" },
        { "dot-dot-only", "upload" },
        { "control-characters", "evil[31m.png" },
        { "non-utf8-bytes", "\uFFFD\uFFFDname.png" },
        { "3000-emoji", "127 whole emoji" },
    };

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task Hostile_file_names_are_cleaned_and_the_upload_accepted(string kind, string expected)
    {
        byte[] name = kind switch
        {
            "slash-traversal" => "../../../../etc/passwd.jpg"u8.ToArray(),
            "backslash-traversal" => "..\\..\\windows\\win.ini.jpg"u8.ToArray(),
            "dot-dot-only" => ".."u8.ToArray(),
            "control-characters" => "evil\u0007\u001b[31m.png"u8.ToArray(),
            "non-utf8-bytes" => [0xFF, 0xFE, .. "name.png"u8],
            "3000-emoji" => Emoji(3000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var file = HostileImages.OnePixelWidePng(64, $"{kind}-{Guid.NewGuid()}");

        using var content = RawMultipart.Content([RawMultipart.FilePart(name, file)]);
        using var response = await Api.Http.PostAsync("/api/v1/images", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");

        var id = JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!.Images.Single().Id;
        var stored = await StoredFileNameAsync(id);
        if (kind == "3000-emoji")
        {
            // Cut at 255 UTF-16 units on a character boundary: 127 whole emoji, no half of one.
            Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 127)), stored);
        }
        else
        {
            Assert.Equal(expected, stored);
        }
        await EdgeAssertions.AssertHealthyAsync(Api, fixture.Host.App);
    }

    private static byte[] Emoji(int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\U0001F600", count)));

    private async Task<string> StoredFileNameAsync(Guid id)
    {
        using var document = JsonDocument.Parse(await Api.Http.GetStringAsync($"/api/v1/images/{id}"));
        return document.RootElement.GetProperty("fileName").GetString()!;
    }
}
