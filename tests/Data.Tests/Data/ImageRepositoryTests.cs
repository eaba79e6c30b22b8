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
        var stored = await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal((image.Sha256, image.FileName, image.ContentType, image.SizeBytes, image.StorageKey),
            (stored.Sha256, stored.FileName, stored.ContentType, stored.SizeBytes, stored.StorageKey));
        Assert.Null(stored.Width);
        Assert.Null(await images.GetAsync(Guid.NewGuid(), OwnerScope.Everyone, CancellationToken.None));
    }

    [Fact]
    public async Task Preprocessing_result_and_status_updates_are_stored()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);

        Assert.True(await images.UpdateStatusAsync(image.Id, ImageStatus.Preprocessing, "earlier error", CancellationToken.None));
        Assert.Equal(("preprocessing", "earlier error"), await StatusAsync(images, image.Id));

        Assert.True(await images.SetPreprocessedAsync(image.Id, 640, 480, ImageKinds.Face, CancellationToken.None));
        var stored = (await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((640, 480, "face", ImageStatus.Queued, (string?)null), (stored.Width, stored.Height, stored.Kind, stored.Status, stored.Error));
        Assert.True(stored.UpdatedAt > image.UpdatedAt);

        Assert.True(await images.UpdateStatusAsync(image.Id, ImageStatus.Failed, "broken", CancellationToken.None));
        Assert.Equal(("failed", "broken"), await StatusAsync(images, image.Id));

        Assert.False(await images.UpdateStatusAsync(Guid.NewGuid(), ImageStatus.Completed, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => images.UpdateStatusAsync(image.Id, "done", null, CancellationToken.None));
    }

    [Theory]
    [InlineData("uploaded", true, false)]
    [InlineData("preprocessing", true, false)]
    [InlineData("queued", true, false)]
    [InlineData("processing", false, false)]
    [InlineData("completed", false, true)]
    [InlineData("failed", false, true)]
    public void The_Preprocessor_redoes_only_an_unfinished_image_not_yet_with_a_worker_and_a_worker_skips_only_a_finished_one(
        string status, bool awaitsPreprocessing, bool final)
    {
        Assert.Equal(awaitsPreprocessing, ImageRepository.AwaitsPreprocessing(status));
        Assert.Equal(final, ImageRepository.IsFinal(status));
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    public async Task A_finished_image_never_moves_back_to_an_earlier_status(string finished)
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        Assert.True(await images.UpdateStatusAsync(image.Id, finished, finished == "failed" ? "reason" : null, CancellationToken.None));
        var before = (await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None))!;

        // A redelivered upload or a late worker: none of them may undo the outcome.
        Assert.False(await images.SetPreprocessedAsync(image.Id, 10, 10, ImageKinds.Object, CancellationToken.None));
        foreach (var status in ImageStatus.All)
        {
            Assert.False(await images.UpdateStatusAsync(image.Id, status, "late", CancellationToken.None));
        }

        Assert.Equal(before, await images.GetAsync(image.Id, OwnerScope.Everyone, CancellationToken.None));
    }

    [Fact]
    public async Task Only_a_failed_image_can_be_reopened()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var (failed, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        var (completed, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        await images.UpdateStatusAsync(failed.Id, ImageStatus.Failed, "crashed", CancellationToken.None);
        await images.UpdateStatusAsync(completed.Id, ImageStatus.Completed, null, CancellationToken.None);

        Assert.True(await images.ReopenFailedAsync(failed.Id, ImageStatus.Queued, CancellationToken.None));
        Assert.False(await images.ReopenFailedAsync(completed.Id, ImageStatus.Queued, CancellationToken.None));

        Assert.Equal((ImageStatus.Queued, (string?)null), await StatusAsync(images, failed.Id));
        Assert.Equal((ImageStatus.Completed, (string?)null), await StatusAsync(images, completed.Id));
    }

    [Fact]
    public async Task An_upload_with_a_new_job_writes_both_in_one_round_trip()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var job = new NewJob(Guid.NewGuid(), "upload", 2, """{"items":[]}""");
        var image = TestImages.New();

        (ImageRecord Image, bool Created) result;
        using (var trips = new RoundTrips())
        {
            result = await images.InsertOrGetBySha256Async(image, job, CancellationToken.None);
            Assert.Single(trips.Executed);
        }

        Assert.True(result.Created);
        Assert.Equal((image.Id, ImageStatus.Uploaded, (Guid?)job.Id), (result.Image.Id, result.Image.Status, result.Image.JobId));
        var stored = (await new JobRepository(db).GetAsync(job.Id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal(("upload", JobStatus.Pending, 2, 0, 0), (stored.Type, stored.Status, stored.Total, stored.Done, stored.Failed));
        Assert.Equal([JobItemStatus.Pending, JobItemStatus.Pending], stored.Items.Select(i => i.Status));
        Assert.Equal([JobStatus.Pending], stored.History.Select(e => e.Status));
        Assert.Equal("""{"items": []}""", stored.PayloadJson);
    }

    [Fact]
    public async Task A_duplicate_upload_with_a_new_job_gets_the_existing_row_and_its_job_is_still_created()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var (original, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        var job = new NewJob(Guid.NewGuid(), "upload", 1, null);

        var (image, created) = await images.InsertOrGetBySha256Async(TestImages.New(original.Sha256), job, CancellationToken.None);

        Assert.False(created);
        Assert.Equal(original, image);
        Assert.Equal(1, (await new JobRepository(db).GetAsync(job.Id, OwnerScope.Everyone, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task Concurrent_identical_uploads_with_new_jobs_yield_one_row_one_creator_and_every_job()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var sha = TestImages.RandomSha256();
        var newJobs = Enumerable.Range(0, 10).Select(_ => new NewJob(Guid.NewGuid(), "upload", 1, null)).ToList();

        var results = await Task.WhenAll(newJobs.Select(job =>
            Task.Run(() => images.InsertOrGetBySha256Async(TestImages.New(sha), job, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.Created).Image;
        Assert.All(results, r => Assert.Equal(winner, r.Image));
        Assert.Contains(winner.JobId!.Value, newJobs.Select(j => j.Id));
        Assert.Equal(1L, await CountAsync(db, sha));
        var jobs = new JobRepository(db);
        foreach (var job in newJobs)
        {
            Assert.NotNull(await jobs.GetAsync(job.Id, OwnerScope.Everyone, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Inserting_the_same_image_again_reports_it_as_existing()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var image = TestImages.New();

        var first = await images.InsertOrGetBySha256Async(image, Guid.NewGuid(), CancellationToken.None);
        var second = await images.InsertOrGetBySha256Async(image, new NewJob(Guid.NewGuid(), "upload", 1, null), CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Image, second.Image);
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
        var page1 = await images.ListAsync(1, 3, null, null, OwnerScope.Everyone, CancellationToken.None);
        var page3 = await images.ListAsync(3, 3, null, null, OwnerScope.Everyone, CancellationToken.None);
        var page4 = await images.ListAsync(4, 3, null, null, OwnerScope.Everyone, CancellationToken.None);
        Assert.Equal(7, page1.Total);
        Assert.Equal(newestFirst[..3], page1.Items.Select(i => i.Id));
        Assert.Equal(newestFirst[6..], page3.Items.Select(i => i.Id));
        Assert.Empty(page4.Items);

        var faces = await images.ListAsync(1, 10, ImageKinds.Face, null, OwnerScope.Everyone, CancellationToken.None);
        Assert.Equal(3, faces.Total);
        Assert.Equal(ids[..3].AsEnumerable().Reverse(), faces.Items.Select(i => i.Id));

        var completedObjects = await images.ListAsync(1, 10, ImageKinds.Object, ImageStatus.Completed, OwnerScope.Everyone, CancellationToken.None);
        Assert.Equal(ids[3..5].AsEnumerable().Reverse(), completedObjects.Items.Select(i => i.Id));

        var uploaded = await images.ListAsync(1, 10, null, ImageStatus.Uploaded, OwnerScope.Everyone, CancellationToken.None);
        Assert.Equal(ids[5..].AsEnumerable().Reverse(), uploaded.Items.Select(i => i.Id));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => images.ListAsync(0, 10, null, null, OwnerScope.Everyone, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => images.ListAsync(1, ImageRepository.MaxPageSize + 1, null, null, OwnerScope.Everyone, CancellationToken.None));
    }

    private static async Task<(string, string?)> StatusAsync(ImageRepository images, Guid id)
    {
        var image = (await images.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!;
        return (image.Status, image.Error);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sha)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM images WHERE sha256 = @sha");
        command.Parameters.AddWithValue("sha", sha);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
