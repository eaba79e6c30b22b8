using Npgsql;
using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class ImageRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task Ten_concurrent_identical_uploads_yield_one_row_and_one_creator()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var sha = TestImages.RandomSha256();
        var jobId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => images.InsertOrGetBySha256Async(TestImages.New(sha), jobId, CancellationToken.None))));

        Assert.Single(results, r => r.Created);
        var winner = results.Single(r => r.Created).Image;
        Assert.All(results, r => Assert.Equal(winner.Id, r.Image.Id));
        Assert.Equal(ImageStatus.Uploaded, winner.Status);
        Assert.Equal(jobId, winner.JobId);
        Assert.Equal(1L, await CountAsync(await servers.DatabaseForAsync(GetType()), sha));
    }

    [Fact]
    public async Task Get_returns_what_was_inserted_and_null_for_unknown_ids()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var image = TestImages.New();

        await images.InsertOrGetBySha256Async(image, Guid.NewGuid(), CancellationToken.None);
        var stored = await images.GetAsync(image.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal((image.Sha256, image.FileName, image.ContentType, image.SizeBytes, image.StorageKey),
            (stored.Sha256, stored.FileName, stored.ContentType, stored.SizeBytes, stored.StorageKey));
        Assert.Null(stored.Width);
        Assert.Null(await images.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Preprocessing_result_and_status_updates_are_stored()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);

        Assert.True(await images.UpdateStatusAsync(image.Id, ImageStatus.Failed, "broken", CancellationToken.None));
        Assert.Equal(("failed", "broken"), await StatusAsync(images, image.Id));

        Assert.True(await images.SetPreprocessedAsync(image.Id, 640, 480, ImageKinds.Face, CancellationToken.None));
        var stored = (await images.GetAsync(image.Id, CancellationToken.None))!;
        Assert.Equal((640, 480, "face", ImageStatus.Queued, (string?)null), (stored.Width, stored.Height, stored.Kind, stored.Status, stored.Error));
        Assert.True(stored.UpdatedAt > image.UpdatedAt);

        Assert.False(await images.UpdateStatusAsync(Guid.NewGuid(), ImageStatus.Completed, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => images.UpdateStatusAsync(image.Id, "done", null, CancellationToken.None));
    }

    [Fact]
    public async Task The_status_check_constraint_rejects_unknown_values()
    {
        var db = await servers.DatabaseForAsync(GetType());
        await using var insert = db.CreateCommand("""
            INSERT INTO images (id, sha256, filename, content_type, size_bytes, status, storage_key)
            VALUES (gen_random_uuid(), 'x', 'a', 'b', 1, 'finished', 'k')
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task List_pages_newest_first_and_filters_by_kind_and_status()
    {
        // Its own database: the other tests of this class add rows that would shift the pages.
        var images = new ImageRepository(await servers.CreateMigratedDatabaseAsync());
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
            ids.Add(image.Id);
            if (i < 3)
            {
                await images.SetPreprocessedAsync(image.Id, 10, 10, ImageKinds.Face, CancellationToken.None);
            }
            else if (i < 5)
            {
                await images.SetPreprocessedAsync(image.Id, 10, 10, ImageKinds.Object, CancellationToken.None);
                await images.UpdateStatusAsync(image.Id, ImageStatus.Completed, null, CancellationToken.None);
            }
        }

        var newestFirst = Enumerable.Reverse(ids).ToList();
        var page1 = await images.ListAsync(1, 3, null, null, CancellationToken.None);
        var page3 = await images.ListAsync(3, 3, null, null, CancellationToken.None);
        var page4 = await images.ListAsync(4, 3, null, null, CancellationToken.None);
        Assert.Equal(7, page1.Total);
        Assert.Equal(newestFirst[..3], page1.Items.Select(i => i.Id));
        Assert.Equal(newestFirst[6..], page3.Items.Select(i => i.Id));
        Assert.Empty(page4.Items);

        var faces = await images.ListAsync(1, 10, ImageKinds.Face, null, CancellationToken.None);
        Assert.Equal(3, faces.Total);
        Assert.Equal(ids[..3].AsEnumerable().Reverse(), faces.Items.Select(i => i.Id));

        var completedObjects = await images.ListAsync(1, 10, ImageKinds.Object, ImageStatus.Completed, CancellationToken.None);
        Assert.Equal(ids[3..5].AsEnumerable().Reverse(), completedObjects.Items.Select(i => i.Id));

        var uploaded = await images.ListAsync(1, 10, null, ImageStatus.Uploaded, CancellationToken.None);
        Assert.Equal(ids[5..].AsEnumerable().Reverse(), uploaded.Items.Select(i => i.Id));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => images.ListAsync(0, 10, null, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => images.ListAsync(1, ImageRepository.MaxPageSize + 1, null, null, CancellationToken.None));
    }

    private static async Task<(string, string?)> StatusAsync(ImageRepository images, Guid id)
    {
        var image = (await images.GetAsync(id, CancellationToken.None))!;
        return (image.Status, image.Error);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sha)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM images WHERE sha256 = @sha");
        command.Parameters.AddWithValue("sha", sha);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
