using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests;

/// <summary>
/// The model registry on the real topology: the catalog seeded, custom classifiers uploaded (a copy of the shared
/// SqueezeNet read in place, and models that must be refused), and activation/rollback that the Api and the workers
/// follow without a restart.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class ModelRegistryTests(PipelineFixture fixture)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SwitchTimeout = TimeSpan.FromSeconds(60);

    private const string SqueezeNetSpec = """{"width":224,"height":224,"layout":"NCHW","colour":"BGR","mean":[104,117,123],"std":[1,1,1],"scale":1}""";

    private static readonly Lazy<string> ModelsDirectory = new(() =>
        Environment.GetEnvironmentVariable("VISION_MODELS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Find()!, ".tools", "models"));

    private static byte[] SqueezeNet => File.ReadAllBytes(Path.Combine(ModelsDirectory.Value, "image_classification", "squeezenet1.0_fp16.onnx"));

    private static string[] ImageNetLabels => File.ReadAllLines(Path.Combine(ModelsDirectory.Value, "image_classification", "imagenet1k_labels.txt"))
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private HttpClient Admin => fixture.Api.Http;

    [Fact]
    public async Task Every_catalogued_model_is_listed_with_its_catalog_version_active()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, "Models", "catalog.json")));

        var listed = (await Admin.GetFromJsonAsync<ModelList>("/api/v1/models", Json.Options))!.Models.ToDictionary(m => m.Id);

        foreach (var entry in catalog.RootElement.GetProperty("models").EnumerateArray())
        {
            var model = listed[entry.GetProperty("id").GetString()!];
            Assert.Equal(entry.GetProperty("task").GetString(), model.Task);
            Assert.Equal(entry.GetProperty("version").GetString(), model.ActiveVersion);
            Assert.Equal(entry.GetProperty("sha256").GetString(), model.Sha256);
            Assert.Equal("catalog", model.Source);
            var version = Assert.Single(model.Versions, v => v.Version == model.ActiveVersion);
            Assert.Equal(entry.GetProperty("sourceUrl").GetString(), version.SourceUrl);
        }
    }

    [Fact]
    public async Task An_uploaded_SqueezeNet_copy_classifies_like_the_built_in_one_and_activation_switches_Api_and_workers_without_a_restart()
    {
        var id = $"squeezenet-copy-{Guid.NewGuid():N}"[..28];
        var labels = ImageNetLabels;
        var shifted = labels.Skip(1).Append(labels[0]).ToArray();   // v2: label k is v1's label k+1, so every answer shows its version

        var v1 = await UploadModelAsync(id, "v1", SqueezeNet, labels, SqueezeNetSpec);
        Assert.Equal(HttpStatusCode.Created, v1.Status);
        Assert.Equal(("v1", "upload"), (v1.Model!.ActiveVersion, v1.Model.Source));
        var builtIn = await ClassifyAsync(null, "bear_coco285.jpg");
        var copy = await ClassifyAsync(id, "bear_coco285.jpg");
        Assert.Equal((id, "v1"), (copy.Model.Id, copy.Model.Version));
        Assert.Equal(builtIn.Top[0].Label, copy.Top[0].Label);
        Assert.Equal(builtIn.Top[0].ClassId, copy.Top[0].ClassId);
        Assert.Null(copy.Cifar10);

        var v2 = await UploadModelAsync(id, "v2", SqueezeNet, shifted, SqueezeNetSpec);
        Assert.Equal(HttpStatusCode.Created, v2.Status);
        Assert.Equal("v1", v2.Model!.ActiveVersion);
        Assert.Equal(["v1", "v2"], v2.Model.Versions.Select(v => v.Version));

        var zebra = await WorkerTopLabelAsync(id, "zebra_coco1818.jpg");
        Assert.Equal("v1", zebra.ModelVersion);
        Assert.StartsWith("zebra", zebra.Label);

        var activated = await ActivateAsync(id, "v2");
        Assert.Equal("v2", activated.ActiveVersion);
        var afterSwitch = await ClassifyAsync(id, "bear_coco285.jpg");
        Assert.Equal("v2", afterSwitch.Model.Version);
        Assert.Equal(shifted[builtIn.Top[0].ClassId], afterSwitch.Top[0].Label);
        var switched = await WorkerPredictionOfVersionAsync(id, "v2", "green_apples_coco2149.jpg");
        Assert.Equal(shifted[labels.ToList().FindIndex(l => l.StartsWith("Granny Smith", StringComparison.Ordinal))], switched.Label);

        var rolledBack = await ActivateAsync(id, "v1");
        Assert.Equal("v1", rolledBack.ActiveVersion);
        Assert.Equal("v1", (await ClassifyAsync(id, "bear_coco285.jpg")).Model.Version);
        var restored = await WorkerPredictionOfVersionAsync(id, "v1", "zebra_coco1818.jpg");
        Assert.StartsWith("zebra", restored.Label);
    }

    [Theory]
    [InlineData("garbage", "not a loadable ONNX model")]
    [InlineData("labels", "999 labels")]
    [InlineData("rank", "rank 2")]
    public async Task A_model_that_cannot_serve_is_refused_with_a_422_naming_the_problem_and_is_not_registered(string fault, string named)
    {
        var id = $"refused-{fault}-{Guid.NewGuid():N}"[..24];
        var (onnx, labels) = fault switch
        {
            "garbage" => (Garbage(), ImageNetLabels),
            "labels" => (SqueezeNet, ImageNetLabels[..999]),
            _ => (TinyOnnx.Identity(1, 10), Enumerable.Range(0, 10).Select(i => $"c{i}").ToArray()),
        };

        var (status, problem, _) = await UploadModelAsync(id, "v1", onnx, labels, SqueezeNetSpec);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(named, problem!.Detail);
        var listed = (await Admin.GetFromJsonAsync<ModelList>("/api/v1/models", Json.Options))!;
        Assert.DoesNotContain(listed.Models, m => m.Id == id);
    }

    [Fact]
    public async Task Registry_changes_are_for_admins_and_bad_requests_are_problems()
    {
        using var user = await UserClientAsync();
        using var listForUser = await user.GetAsync("/api/v1/models");
        Assert.Equal(HttpStatusCode.OK, listForUser.StatusCode);
        using var activateForUser = await user.PostAsync($"/api/v1/models/{KnownClassifier}/versions/git-0447574/activate", null);
        Assert.Equal(HttpStatusCode.Forbidden, activateForUser.StatusCode);
        using var uploadForUser = await user.PostAsync("/api/v1/models", Form("by-user", "v1", SqueezeNet, ImageNetLabels, SqueezeNetSpec));
        Assert.Equal(HttpStatusCode.Forbidden, uploadForUser.StatusCode);

        using var unknownVersion = await Admin.PostAsync($"/api/v1/models/{KnownClassifier}/versions/no-such-version/activate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownVersion.StatusCode);
        Assert.Contains("no-such-version", (await unknownVersion.Content.ReadFromJsonAsync<Problem>(Json.Options))!.Detail);

        using var unknownModel = await PostImageAsync("/api/v1/classify?model=no-such-model", Tagged("bus.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownModel.StatusCode);
        using var modelWithoutClassify = await PostImageAsync($"/api/v1/images?tasks=objects&model={KnownClassifier}", Tagged("bus.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, modelWithoutClassify.StatusCode);
        using var detectorAsClassifier = await PostImageAsync("/api/v1/images?tasks=classify&model=yolox-nano", Tagged("bus.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, detectorAsClassifier.StatusCode);

        var (badId, problem, _) = await UploadModelAsync("Bad Id!", "v1", SqueezeNet, ImageNetLabels, SqueezeNetSpec);
        Assert.Equal(HttpStatusCode.BadRequest, badId);
        Assert.Contains("'id'", problem!.Detail);
        var (badSpec, specProblem, _) = await UploadModelAsync("bad-spec", "v1", SqueezeNet, ImageNetLabels, """{"width":224,"height":224,"colour":"RGB"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSpec);
        Assert.Contains("layout", specProblem!.Detail);

        // Expect: 100-continue, as EdgeTests does: the Api refuses from the headers, before 41 MiB are sent.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/models")
        {
            Content = Form("too-large", "v1", new byte[41 * 1024 * 1024], ImageNetLabels, SqueezeNetSpec),
        };
        tooLarge.Headers.ExpectContinue = true;
        using var large = await Admin.SendAsync(tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    private const string KnownClassifier = "squeezenet1.0-fp16";

    private async Task<(HttpStatusCode Status, Problem? Problem, RegisteredModel? Model)> UploadModelAsync(
        string id, string version, byte[] onnx, IReadOnlyList<string> labels, string spec)
    {
        using var response = await Admin.PostAsync("/api/v1/models", Form(id, version, onnx, labels, spec));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? (response.StatusCode, null, JsonSerializer.Deserialize<RegisteredModel>(body, Json.Options))
            : (response.StatusCode, JsonSerializer.Deserialize<Problem>(body, Json.Options), null);
    }

    private static MultipartFormDataContent Form(string id, string version, byte[] onnx, IReadOnlyList<string> labels, string spec)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(id), "id" },
            { new StringContent(version), "version" },
            { new StringContent(spec), "spec" },
            { new ByteArrayContent(onnx), "file", "model.onnx" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', labels) + "\n")), "labels", "labels.txt" },
        };
        return form;
    }

    private async Task<RegisteredModel> ActivateAsync(string id, string version)
    {
        using var response = await Admin.PostAsync($"/api/v1/models/{id}/versions/{version}/activate", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"activate answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<RegisteredModel>(body, Json.Options)!;
    }

    private async Task<Classified> ClassifyAsync(string? model, string image)
    {
        using var response = await PostImageAsync($"/api/v1/classify{(model is null ? "" : $"?model={model}")}", File.ReadAllBytes(TestPaths.Image(image)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"classify answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Classified>(body, Json.Options)!;
    }

    /// <summary>Uploads a fresh copy of the photo for classify by <paramref name="model"/> and answers the worker's top-1 row.</summary>
    private async Task<Prediction> WorkerTopLabelAsync(string model, string image)
    {
        using var response = await PostImageAsync($"/api/v1/images?tasks=classify&model={model}", Tagged(image));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        var upload = JsonSerializer.Deserialize<UploadResult>(body, Json.Options)!;
        var done = await fixture.Api.WaitForTerminalAsync(upload.Images.Single().Id, ProcessingTimeout);
        Assert.True(done.Status == "completed", $"{done.Status}: {done.Error}");
        var rows = done.Predictions.Where(p => p.Task == "classification").ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, p => Assert.Equal(model, p.Model));
        Assert.Single(rows.Select(p => p.ModelVersion).Distinct());
        Assert.DoesNotContain(done.Predictions, p => p.Task == "cifar10");
        return rows.MaxBy(p => p.Confidence)!;
    }

    /// <summary>
    /// Uploads fresh copies until a worker classifies with <paramref name="version"/>: each replica switches when the
    /// activation's notification reaches it, which the Api's 200 does not wait for.
    /// </summary>
    private async Task<Prediction> WorkerPredictionOfVersionAsync(string model, string version, string image)
    {
        var deadline = DateTime.UtcNow + SwitchTimeout;
        while (true)
        {
            var top = await WorkerTopLabelAsync(model, image);
            if (top.ModelVersion == version)
            {
                return top;
            }
            Assert.True(DateTime.UtcNow < deadline, $"workers still classify with {top.ModelVersion} {SwitchTimeout} after activating {version}");
            await Task.Delay(500);
        }
    }

    private Task<HttpResponseMessage> PostImageAsync(string path, byte[] data)
    {
        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return Admin.PostAsync(path, new MultipartFormDataContent { { part, "file", "photo.jpg" } });
    }

    private async Task<HttpClient> UserClientAsync()
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/users", new { email = $"models-{Guid.NewGuid():N}@example.com" });
        var user = (await created.Content.ReadFromJsonAsync<CreatedUser>(Json.Options))!;
        using var keyResponse = await Admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/keys", new { name = "models" });
        var key = (await keyResponse.Content.ReadFromJsonAsync<CreatedKey>(Json.Options))!;
        var client = fixture.Host.App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add(TestKeys.Header, key.Key);
        return client;
    }

    private static byte[] Tagged(string image) => UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image(image)), $"models-{Guid.NewGuid()}");

    private static byte[] Garbage()
    {
        var bytes = new byte[8192];
        new Random(6).NextBytes(bytes);
        return bytes;
    }

    private sealed record CreatedUser(Guid Id);

    private sealed record CreatedKey(string Key);

    private sealed record ModelVersion(string Version, string Sha256, string Source, string? SourceUrl, bool Active);

    private sealed record RegisteredModel(string Id, string Task, string? ActiveVersion, string? Sha256, string? Source, List<ModelVersion> Versions);

    private sealed record ModelList(List<RegisteredModel> Models);

    private sealed record Classification(string Label, int ClassId, float Score);

    private sealed record ModelRef(string Id, string Version);

    private sealed record Classified(ModelRef Model, List<Classification> Top, object? Cifar10);
}
