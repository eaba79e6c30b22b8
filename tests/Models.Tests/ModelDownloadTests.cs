using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace VisionAspire.Models.Tests;

/// <summary>
/// scripts/fetch-models.py, which setup runs where neither ../shared/models nor VISION_MODELS_DIR exists. The catalog's
/// sourceUrls are pointed at file:// copies of the shared models, so the download path runs offline.
/// </summary>
public sealed class ModelDownloadTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fetch-models-").FullName;
    private readonly string _sources;
    private readonly string _target;
    private readonly string _catalog;

    public ModelDownloadTests()
    {
        _sources = Directory.CreateDirectory(Path.Combine(_work, "sources")).FullName;
        _target = Path.Combine(_work, "models");
        _catalog = Path.Combine(_work, "catalog.json");
    }

    [Fact]
    public void Downloads_and_verifies_every_file_then_keeps_them()
    {
        WriteCatalog("ultraface-rfb-320", "squeezenet1.0-fp16");

        var first = Fetch();
        var second = Fetch();

        Assert.Equal(0, first.ExitCode);
        foreach (var file in new[] { "face_detection/version-RFB-320.onnx", "face_detection/ultraface_labels.txt",
                     "image_classification/squeezenet1.0_fp16.onnx", "image_classification/imagenet1k_labels.txt" })
        {
            Assert.Equal(Sha256(Shared(file)), Sha256(Path.Combine(_target, file)));
        }
        Assert.Contains("fetching image_classification/imagenet1k_labels.txt", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("fetching", second.Output);
    }

    [Fact]
    public void A_corrupt_download_is_one_error_line_naming_the_model_and_url_and_leaves_no_file()
    {
        var (_, url) = WriteCatalog("yolox-nano").Single(u => u.File.EndsWith(".onnx", StringComparison.Ordinal));
        var source = new Uri(url).LocalPath;
        var bytes = File.ReadAllBytes(source);
        bytes[5000] ^= 0xFF;
        File.WriteAllBytes(source, bytes);

        var result = Fetch();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'yolox-nano'", line);
        Assert.Contains(url, line);
        Assert.Contains(ModelCatalog.LoadDefault().Get("yolox-nano").Sha256, line);
        Assert.False(File.Exists(Path.Combine(_target, "object_detection/yolox_nano.onnx")));
    }

    [Fact]
    public void An_unreachable_url_is_one_error_line_naming_the_model_and_url()
    {
        var (_, url) = WriteCatalog("mobilefacenet").Single();
        File.Delete(new Uri(url).LocalPath);

        var result = Fetch();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'mobilefacenet'", line);
        Assert.Contains($"download of {url} failed", line);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>The real catalog entries of <paramref name="ids"/> with every sourceUrl pointed at a local copy of what that URL serves.</summary>
    private List<(string File, string Url)> WriteCatalog(params string[] ids)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(RepositoryLayout.UnderRoot("Models", ModelCatalog.FileName)!))!;
        var models = catalog["models"]!.AsArray();
        foreach (var model in models.Where(m => !ids.Contains((string)m!["id"]!)).ToArray())
        {
            models.Remove(model);
        }
        var urls = new List<(string, string)>();
        foreach (var spec in models.SelectMany(m => new[] { m!, m!["labels"] }).OfType<JsonNode>())
        {
            var file = (string)spec["file"]!;
            var source = Path.Combine(_sources, file.Replace('/', '_'));
            if (spec["sourceSha256"] is null)
            {
                File.Copy(Shared(file), source);
            }
            else
            {
                File.WriteAllText(source, OriginalImageNetLabels(Shared(file)));
            }
            var url = new Uri(source).AbsoluteUri;
            spec["sourceUrl"] = url;
            urls.Add((file, url));
        }
        File.WriteAllText(_catalog, catalog.ToJsonString());
        return urls;
    }

    /// <summary>The upstream Labels.txt our labels file was derived from: "N," before each line, a stray quote ending line 1000.</summary>
    private static string OriginalImageNetLabels(string derived)
    {
        var lines = File.ReadAllText(derived).TrimEnd('\n').Split('\n').Select((line, i) => $"{i},{line}").ToArray();
        lines[999] += "\"";
        return string.Join('\n', lines) + "\n";
    }

    private (int ExitCode, string Output, string Errors) Fetch()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { RepositoryLayout.UnderRoot("scripts", "fetch-models.py")!, _catalog, _target })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static string Shared(string file) => Path.Combine(ModelStore.DefaultModelsDirectory(), file);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
