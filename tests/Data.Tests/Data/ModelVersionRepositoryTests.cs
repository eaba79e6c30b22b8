namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class ModelVersionRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task Ensure_is_idempotent_and_refuses_a_different_file_under_the_same_version()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var models = new ModelVersionRepository(db);
        var sha = TestImages.RandomSha256();

        await models.EnsureAsync("squeezenet", "1.1", "classification", sha, CancellationToken.None);
        await models.EnsureAsync("squeezenet", "1.1", "classification", sha.ToUpperInvariant(), CancellationToken.None);
        await models.EnsureAsync("squeezenet", "1.2", "classification", TestImages.RandomSha256(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            models.EnsureAsync("squeezenet", "1.1", "classification", TestImages.RandomSha256(), CancellationToken.None));
        await using var count = db.CreateCommand("SELECT count(*) FROM model_versions WHERE model_id = 'squeezenet'");
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }
}
