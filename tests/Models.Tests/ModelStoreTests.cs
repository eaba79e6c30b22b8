namespace VisionAspire.Models.Tests;

public sealed class ModelStoreTests : IDisposable
{
    private const string ModelId = "ultraface-rfb-320";
    private readonly string _dir = Directory.CreateTempSubdirectory("models-test-").FullName;
    private readonly ModelCatalog _catalog = ModelCatalog.LoadDefault();

    [Fact]
    public void Catalog_lists_every_model_with_hash_size_source_and_input_spec()
    {
        var ids = _catalog.Models.Select(m => m.Id).ToArray();

        Assert.Equal(["ultraface-rfb-320", "ultraface-rfb-640", "yunet-2023mar", "yunet-s-dynamic", "mobilefacenet", "yolox-nano", "squeezenet1.0-fp16",
            "ppocrv4-det", "ppocrv4-rec", "ppocr-mobile-v2-cls"], ids);
        Assert.All(_catalog.Models, m =>
        {
            Assert.Matches("^[0-9a-f]{64}$", m.Sha256);
            Assert.True(m.SizeBytes > 0);
            Assert.StartsWith("https://", m.SourceUrl, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(m.Licence));
            Assert.Equal("NCHW", m.Input.Layout);
        });
    }

    [Fact]
    public void Catalog_names_every_model_and_labels_file_of_the_models_folder()
    {
        var dir = ModelStore.DefaultModelsDirectory();
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(dir, path).Replace('\\', '/'))
            .Where(path => path.EndsWith(".onnx", StringComparison.Ordinal) || (path.EndsWith(".txt", StringComparison.Ordinal) && !path.StartsWith("licenses/", StringComparison.Ordinal)));
        var catalogued = _catalog.Models.SelectMany(m => m.Labels is null ? [m.File] : new[] { m.File, m.Labels.File }).ToHashSet();

        Assert.All(files, file => Assert.Contains(file, catalogued));
    }

    [Fact]
    public void Catalogued_sizes_and_input_specs_match_the_files()
    {
        var store = ModelStore.CreateDefault();
        foreach (var entry in _catalog.Models)
        {
            Assert.Equal(entry.SizeBytes, new FileInfo(Path.Combine(store.ModelsDirectory, entry.File)).Length);
            using var session = store.Open(entry.Id);
            Assert.Equal(entry.Input.Name, session.InputNames[0]);
            Assert.Equal(entry.Input.Shape, session.InputMetadata[entry.Input.Name].Dimensions.Select(dim => (long)dim));
        }
    }

    [Fact]
    public void A_flipped_byte_is_refused_with_both_hashes_and_the_file()
    {
        var entry = _catalog.Get(ModelId);
        var copy = CopyModel(entry);
        FlipByte(copy, 1000);
        var store = new ModelStore(_catalog, _dir, InferenceOptions.Default);

        var error = Assert.Throws<ModelIntegrityException>(() => store.Open(ModelId));

        Assert.Equal(entry.Sha256, error.ExpectedSha256);
        Assert.NotEqual(entry.Sha256, error.ActualSha256);
        Assert.Equal(copy, error.File);
        Assert.Contains(entry.Sha256, error.Message);
        Assert.Contains(error.ActualSha256, error.Message);
    }

    [Fact]
    public void A_file_changed_after_verification_is_verified_again()
    {
        var copy = CopyModel(_catalog.Get(ModelId));
        var store = new ModelStore(_catalog, _dir, InferenceOptions.Default);
        store.Open(ModelId).Dispose();

        FlipByte(copy, 2000);
        File.SetLastWriteTimeUtc(copy, DateTime.UtcNow.AddMinutes(1));

        Assert.Throws<ModelIntegrityException>(() => store.Open(ModelId));
    }

    [Fact]
    public void A_missing_file_says_where_it_looked_and_where_to_fetch_it()
    {
        var entry = _catalog.Get(ModelId);
        var store = new ModelStore(_catalog, _dir, InferenceOptions.Default);

        var error = Assert.Throws<ModelFileNotFoundException>(() => store.Open(ModelId));

        Assert.Contains(Path.Combine(_dir, entry.File), error.Message);
        Assert.Contains(entry.SourceUrl, error.Message);
        Assert.Contains(ModelStore.ModelsDirVariable, error.Message);
    }

    [Fact]
    public void Unknown_model_ids_name_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => _catalog.Get("resnet-9000"));

        Assert.Contains("yolox-nano", error.Message);
    }

    [Fact]
    public void Labels_are_verified_and_indexed_by_class()
    {
        var store = ModelStore.CreateDefault();

        Assert.Equal(80, store.Labels("yolox-nano").Count);
        Assert.Equal("person", store.Labels("yolox-nano")[0]);
        Assert.Equal(1000, store.Labels("squeezenet1.0-fp16").Count);
        Assert.Empty(store.Labels("mobilefacenet"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CopyModel(ModelEntry entry)
    {
        var target = Path.Combine(_dir, entry.File);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(ModelStore.DefaultModelsDirectory(), entry.File), target);
        return target;
    }

    private static void FlipByte(string path, int offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
