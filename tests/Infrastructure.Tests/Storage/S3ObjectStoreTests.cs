using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.Storage;

public sealed class S3ObjectStoreTests : ObjectStoreContractTests, IClassFixture<MotoServerFixture>, IDisposable
{
    private readonly MotoServerFixture _moto;
    private readonly S3ObjectStore _store;

    public S3ObjectStoreTests(MotoServerFixture moto)
    {
        _moto = moto;
        // Built through the factory, as services do, from the connection string shape Aspire's MinIO resource uses.
        _store = (S3ObjectStore)ObjectStoreFactory.FromConnectionString(
            $"Endpoint={moto.Endpoint};AccessKey=minioadmin;SecretKey=minio-secret;Bucket=contract-tests");
    }

    protected override IObjectStore Store => _store;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Missing_bucket_is_created_on_first_use()
    {
        var bucket = $"fresh-{Guid.NewGuid():N}";
        using var store = new S3ObjectStore(_moto.Endpoint, "a", "b", bucket);
        Assert.False(await store.ExistsAsync("anything"));
        await store.PutAsync("k", new byte[] { 3 }, "image/gif");
        Assert.Equal([3], (await store.GetAsync("k"))!.Data);

        // A second client on the same existing bucket works too.
        using var again = new S3ObjectStore(_moto.Endpoint, "a", "b", bucket);
        Assert.Equal("image/gif", (await again.GetAsync("k"))!.ContentType);
    }

    [Fact]
    public void Factory_defaults_the_bucket_name()
    {
        using var store = (S3ObjectStore)ObjectStoreFactory.FromConnectionString($"Endpoint={_moto.Endpoint};AccessKey=a;SecretKey=b");
        Assert.Equal(ObjectStoreFactory.DefaultBucket, store.Bucket);
    }
}
