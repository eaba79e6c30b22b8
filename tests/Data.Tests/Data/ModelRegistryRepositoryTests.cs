namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class ModelRegistryRepositoryTests(ServersFixture servers)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Seeding_is_idempotent_follows_the_catalog_to_its_new_version_and_refuses_a_different_file_under_the_same_version()
    {
        var registry = new ModelRegistryRepository(await servers.DatabaseForAsync(GetType()));
        var sha = TestImages.RandomSha256();

        await registry.SeedCatalogAsync(Catalog("seeded", "1.1", sha), Ct);
        await registry.SeedCatalogAsync(Catalog("seeded", "1.1", sha.ToUpperInvariant()), Ct);
        await registry.SeedCatalogAsync(Catalog("seeded", "1.2", TestImages.RandomSha256()), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.SeedCatalogAsync(Catalog("seeded", "1.1", TestImages.RandomSha256()), Ct));
        var versions = await registry.VersionsAsync("seeded", Ct);
        Assert.Equal(["1.1", "1.2"], versions.Select(v => v.Version));
        // The catalog moved to 1.2: 1.1's file is gone from it, so 1.2 is served.
        Assert.Equal("1.2", (await registry.ActiveAsync("seeded", Ct))!.Version);
        Assert.All(versions, v => Assert.Equal(ModelSources.Catalog, v.Source));
        Assert.Equal("https://example.test/seeded", versions[0].SourceUrl);
    }

    [Fact]
    public async Task Uploads_register_versions_activation_switches_and_rolls_back()
    {
        var registry = new ModelRegistryRepository(await servers.DatabaseForAsync(GetType()));

        Assert.Equal(ModelRegistration.Registered, await registry.RegisterUploadAsync(Upload("custom", "v1"), Ct));
        Assert.Equal(ModelRegistration.Registered, await registry.RegisterUploadAsync(Upload("custom", "v2"), Ct));
        Assert.Equal(ModelRegistration.VersionExists, await registry.RegisterUploadAsync(Upload("custom", "v1"), Ct));
        Assert.Equal(ModelRegistration.TaskMismatch, await registry.RegisterUploadAsync(Upload("custom", "v3") with { Task = "object-detection" }, Ct));
        Assert.Equal("v1", (await registry.ActiveAsync("custom", Ct))!.Version);

        Assert.True(await registry.ActivateAsync("custom", "v2", Ct));
        Assert.Equal("v2", (await registry.ActiveAsync("custom", Ct))!.Version);
        Assert.True(await registry.ActivateAsync("custom", "v1", Ct));
        var active = (await registry.ActiveAsync("custom", Ct))!;
        Assert.Equal(("v1", "models/custom/v1/model.onnx", ModelSources.Upload), (active.Version, active.StorageKey, active.Source));
        Assert.Contains("\"width\"", active.InputSpecJson);

        Assert.False(await registry.ActivateAsync("custom", "v9", Ct));
        Assert.False(await registry.ActivateAsync("nobody", "v1", Ct));
        Assert.Null(await registry.ActiveAsync("nobody", Ct));
        Assert.Equal([true, false], (await registry.VersionsAsync("custom", Ct)).Select(v => v.Active));
        Assert.Equal(2, (await registry.ListAsync(Ct)).Count(v => v.ModelId == "custom"));
    }

    [Fact]
    public async Task An_uploaded_version_an_admin_activated_stays_active_when_the_catalog_is_seeded_again()
    {
        var registry = new ModelRegistryRepository(await servers.DatabaseForAsync(GetType()));
        await registry.SeedCatalogAsync(Catalog("mixed", "1.0", TestImages.RandomSha256()), Ct);
        Assert.Equal(ModelRegistration.Registered, await registry.RegisterUploadAsync(Upload("mixed", "tuned") with { Task = "image-classification" }, Ct));
        Assert.True(await registry.ActivateAsync("mixed", "tuned", Ct));

        await registry.SeedCatalogAsync(Catalog("mixed", "1.0", (await registry.VersionsAsync("mixed", Ct))[0].Sha256), Ct);
        await registry.SeedCatalogAsync(Catalog("mixed", "2.0", TestImages.RandomSha256()), Ct);

        Assert.Equal("tuned", (await registry.ActiveAsync("mixed", Ct))!.Version);
    }

    private static CatalogModelVersion Catalog(string id, string version, string sha) =>
        new(id, version, "image-classification", sha, 1234, $"https://example.test/{id}");

    private static UploadedModelVersion Upload(string id, string version) => new(
        id, version, "image-classification", TestImages.RandomSha256(), 4321,
        $"models/{id}/{version}/model.onnx", $"models/{id}/{version}/labels.txt", TestImages.RandomSha256(), """{"width": 224}""");
}
