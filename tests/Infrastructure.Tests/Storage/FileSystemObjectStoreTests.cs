using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.Storage;

public sealed class FileSystemObjectStoreTests : ObjectStoreContractTests, IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileSystemObjectStore _store;

    public FileSystemObjectStoreTests()
    {
        _store = new FileSystemObjectStore(_root.Path);
    }

    protected override IObjectStore Store => _store;

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Objects_land_inside_the_root_and_leave_no_temp_files()
    {
        await _store.PutAsync("a/b/c.bin", new byte[] { 5 }, "application/x-test");
        Assert.True(File.Exists(Path.Combine(_root.Path, "objects", "a", "b", "c.bin")));
        Assert.Equal("application/x-test", File.ReadAllText(Path.Combine(_root.Path, "meta", "a", "b", "c.bin")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "tmp")));
    }

    [Fact]
    public async Task A_key_named_like_a_sidecar_does_not_clobber_content_types()
    {
        await _store.PutAsync("photo", new byte[] { 1 }, "image/jpeg");
        await _store.PutAsync("photo.meta", new byte[] { 2 }, "text/plain");
        Assert.Equal("image/jpeg", (await _store.GetAsync("photo"))!.ContentType);
        Assert.Equal([2], (await _store.GetAsync("photo.meta"))!.Data);
    }

    [Fact]
    public void Factory_builds_filesystem_store_from_Path()
    {
        var store = ObjectStoreFactory.FromConnectionString($"Path={_root.Path}");
        Assert.Equal(Path.GetFullPath(_root.Path), Assert.IsType<FileSystemObjectStore>(store).RootPath);
    }

    [Theory]
    [InlineData("Bucket=x")]
    [InlineData("Endpoint=not a url;AccessKey=a;SecretKey=b")]
    [InlineData("Endpoint=ftp://host;AccessKey=a;SecretKey=b")]
    [InlineData("Endpoint=http://host:9000;SecretKey=b")]
    [InlineData("Endpoint=http://host:9000;AccessKey=a")]
    public void Factory_rejects_incomplete_connection_strings(string connectionString)
    {
        Assert.Throws<FormatException>(() => ObjectStoreFactory.FromConnectionString(connectionString));
    }
}
