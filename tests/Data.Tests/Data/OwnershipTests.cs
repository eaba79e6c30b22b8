using Npgsql;
using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

/// <summary>Migration 0009 and the repositories' OwnerScope: another owner's rows are never read nor changed.</summary>
[Collection(ServersCollection.Name)]
public sealed class OwnershipTests(ServersFixture servers)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Identical_bytes_are_one_image_per_owner_sharing_the_stored_object()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var (alice, bob) = await TwoUsersAsync(db);
        var sha = TestImages.RandomSha256();

        var aliceFirst = await images.InsertOrGetBySha256Async(TestImages.New(sha) with { UserId = alice }, Guid.NewGuid(), None);
        var aliceAgain = await images.InsertOrGetBySha256Async(TestImages.New(sha) with { UserId = alice }, Guid.NewGuid(), None);
        var bobs = await images.InsertOrGetBySha256Async(TestImages.New(sha) with { UserId = bob, StorageKey = aliceFirst.Image.StorageKey }, Guid.NewGuid(), None);

        Assert.True(aliceFirst.Created);
        Assert.False(aliceAgain.Created);
        Assert.Equal(aliceFirst.Image.Id, aliceAgain.Image.Id);
        Assert.True(bobs.Created);
        Assert.NotEqual(aliceFirst.Image.Id, bobs.Image.Id);
        Assert.Equal((alice, bob), (aliceFirst.Image.UserId, bobs.Image.UserId));
        Assert.Equal(aliceFirst.Image.StorageKey, bobs.Image.StorageKey);
    }

    [Fact]
    public async Task Images_are_read_and_listed_only_by_their_owner_and_admins_and_ownerless_ones_by_admins_alone()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        var (alice, bob) = await TwoUsersAsync(db);
        var alices = (await images.InsertOrGetBySha256Async(TestImages.New() with { UserId = alice }, Guid.NewGuid(), None)).Image;
        var ownerless = (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), None)).Image;

        Assert.NotNull(await images.GetAsync(alices.Id, OwnerScope.Of(alice), None));
        Assert.Null(await images.GetAsync(alices.Id, OwnerScope.Of(bob), None));
        Assert.NotNull(await images.GetAsync(alices.Id, OwnerScope.Everyone, None));
        Assert.Null(await images.GetAsync(ownerless.Id, OwnerScope.Of(alice), None));
        Assert.NotNull(await images.GetAsync(ownerless.Id, OwnerScope.Everyone, None));

        var (alicesList, aliceTotal) = await images.ListAsync(1, 100, null, null, OwnerScope.Of(alice), None);
        var (bobsList, bobTotal) = await images.ListAsync(1, 100, null, null, OwnerScope.Of(bob), None);
        var (all, allTotal) = await images.ListAsync(1, 100, null, null, OwnerScope.Everyone, None);
        Assert.Equal([alices.Id], alicesList.Select(i => i.Id));
        Assert.Equal(1, aliceTotal);
        Assert.Empty(bobsList);
        Assert.Equal(0, bobTotal);
        Assert.Contains(ownerless.Id, all.Select(i => i.Id));
        Assert.True(allTotal >= 2);
    }

    [Fact]
    public async Task A_job_its_history_and_items_are_read_only_in_its_owners_scope()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var jobs = new JobRepository(db);
        var (alice, bob) = await TwoUsersAsync(db);
        var id = await jobs.CreateAsync(new NewJob(Guid.CreateVersion7(), "batch", 2, null, alice), None);

        var own = await jobs.GetAsync(id, OwnerScope.Of(alice), None);
        Assert.NotNull(own);
        Assert.Equal(2, own.Items.Count);
        Assert.Null(await jobs.GetAsync(id, OwnerScope.Of(bob), None));
        Assert.NotNull(await jobs.GetAsync(id, OwnerScope.Everyone, None));
    }

    [Fact]
    public async Task People_and_their_faces_are_invisible_and_unchangeable_outside_their_owners_scope()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var people = new PeopleRepository(db);
        var (alice, bob) = await TwoUsersAsync(db);
        var ada = await people.CreateAsync("Ada", "ext-1", alice, None);
        var face = await people.AddFaceAsync(ada.Id, OwnerScope.Of(alice), null, [1, 2, 3, 4], new float[10], [1f, 0f], "m", "1", null, None);
        Assert.NotNull(face);

        var bobs = OwnerScope.Of(bob);
        Assert.Null(await people.GetAsync(ada.Id, bobs, None));
        Assert.Null(await people.UpdateAsync(ada.Id, "Mallory", null, bobs, None));
        Assert.Null(await people.AddFaceAsync(ada.Id, bobs, null, [1, 2, 3, 4], new float[10], [0f, 1f], "m", "1", null, None));
        Assert.Empty(await people.ListFacesAsync(ada.Id, bobs, None));
        Assert.False(await people.DeleteFaceAsync(ada.Id, face.Id, bobs, None));
        Assert.False(await people.DeleteAsync(ada.Id, bobs, None));
        Assert.Empty(await people.NamesAsync([ada.Id], bobs, None));
        Assert.Equal(0, (await people.ListAsync(1, 100, bobs, None)).Total);

        var stillAda = await people.GetAsync(ada.Id, OwnerScope.Of(alice), None);
        Assert.Equal(("Ada", 1), (stillAda!.Name, stillAda.FaceCount));
        Assert.Equal(alice, Assert.Single((await people.LoadGalleryAsync("m", "1", None)).Faces, f => f.FaceId == face.Id).OwnerId);
    }

    [Fact]
    public async Task An_external_id_is_unique_per_owner_only()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var people = new PeopleRepository(db);
        var (alice, bob) = await TwoUsersAsync(db);

        await people.CreateAsync("A", "badge-7", alice, None);
        var bobs = await people.CreateAsync("B", "badge-7", bob, None);

        Assert.Equal("badge-7", bobs.ExternalId);
        await Assert.ThrowsAsync<DuplicateExternalIdException>(() => people.CreateAsync("A2", "badge-7", alice, None));
    }

    [Fact]
    public async Task Predictions_take_their_images_owner_and_the_history_pages_them_newest_first_with_filters()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var (alice, bob) = await TwoUsersAsync(db);
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);
        var history = new PredictionHistoryRepository(db);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var image = (await images.InsertOrGetBySha256Async(TestImages.New() with { UserId = alice }, Guid.NewGuid(), None)).Image;
            await predictions.SaveAsync(image.Id,
            [
                new PredictionRecord(image.Id, "classification", "squeezenet", "1", $"class {i}", 0.5f, null, 9),
                new PredictionRecord(image.Id, "cifar10", "squeezenet", "1", $"cifar {i}", 0.4f, null, 9),
            ], markCompleted: true, None);
            ids.Add(image.Id);
        }

        // Distinct creation times, the third image's newest.
        await using (var spread = db.CreateCommand("UPDATE predictions SET created_at = now() - (interval '1 minute' * (2 - (SELECT array_position(@ids, image_id) - 1))) WHERE image_id = ANY(@ids)"))
        {
            spread.Parameters.AddWithValue("ids", ids.ToArray());
            await spread.ExecuteNonQueryAsync(None);
        }

        var (page1, total) = await history.ListAsync(new PredictionHistoryQuery(alice, 1, 4), None);
        var (page2, _) = await history.ListAsync(new PredictionHistoryQuery(alice, 2, 4), None);
        var (cifar, cifarTotal) = await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10, "cifar10"), None);
        var middle = page1[2].CreatedAt;
        var (windowed, _) = await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10, From: middle, To: middle.AddSeconds(30)), None);
        var (bobsHistory, bobsTotal) = await history.ListAsync(new PredictionHistoryQuery(bob, 1, 10), None);

        Assert.Equal(6, total);
        Assert.Equal(4, page1.Count);
        Assert.Equal(2, page2.Count);
        var all = page1.Concat(page2).ToList();
        Assert.Equal(all.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id), all.Select(p => p.Id));
        Assert.Equal(ids[2], all[0].ImageId);
        Assert.Equal(ids[0], all[^1].ImageId);
        Assert.Equal(3, cifarTotal);
        Assert.Equal(["cifar 2", "cifar 1", "cifar 0"], cifar.Select(p => p.Label));
        Assert.All(windowed, p => Assert.Equal(ids[1], p.ImageId));
        Assert.Equal(2, windowed.Count);
        Assert.Empty(bobsHistory);
        Assert.Equal(0, bobsTotal);

        Assert.NotNull(await history.GetAsync(all[0].Id, OwnerScope.Of(alice), None));
        Assert.Null(await history.GetAsync(all[0].Id, OwnerScope.Of(bob), None));
        Assert.NotNull(await history.GetAsync(all[0].Id, OwnerScope.Everyone, None));
    }

    [Fact]
    public async Task The_history_total_follows_inserts_replays_replacements_and_deletions()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var (alice, _) = await TwoUsersAsync(db);
        var images = new ImageRepository(db);
        var predictions = new PredictionRepository(db);
        var history = new PredictionHistoryRepository(db);
        var image = (await images.InsertOrGetBySha256Async(TestImages.New() with { UserId = alice }, Guid.NewGuid(), None)).Image;
        PredictionRecord Row(string label) => new(image.Id, "classification", "squeezenet", "1", label, 0.5f, null, 9);

        await predictions.SaveAsync(image.Id, [Row("a"), Row("b"), Row("c")], markCompleted: false, None);
        var three = (await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10), None)).Total;
        await predictions.SaveAsync(image.Id, [Row("a"), Row("b"), Row("c")], markCompleted: false, None);
        var replayed = (await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10, "classification"), None)).Total;
        await predictions.SaveAsync(image.Id, [Row("z")], markCompleted: false, None);
        var replaced = (await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10), None)).Total;
        await using (var delete = db.CreateCommand("DELETE FROM images WHERE id = @id"))
        {
            delete.Parameters.AddWithValue("id", image.Id);
            await delete.ExecuteNonQueryAsync(None);
        }
        var deleted = (await history.ListAsync(new PredictionHistoryQuery(alice, 1, 10), None)).Total;

        Assert.Equal((3, 3, 1, 0), (three, replayed, replaced, deleted));
    }

    [Fact]
    public async Task The_history_page_is_read_through_the_owner_index()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var (alice, _) = await TwoUsersAsync(db);
        await using var analyze = db.CreateCommand("ANALYZE predictions");
        await analyze.ExecuteNonQueryAsync(None);

        var plan = await ExplainAsync(db, new PredictionHistoryQuery(alice, 3, 20), "SET enable_seqscan = off");
        var filtered = await ExplainAsync(db, new PredictionHistoryQuery(alice, 1, 20, "cifar10"), "SET enable_seqscan = off");

        Assert.Contains("Index Only Scan using predictions_owner_created_at_idx", plan);
        Assert.Contains("Index Only Scan using predictions_owner_task_created_at_idx", filtered);
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource db, PredictionHistoryQuery query, string setting)
    {
        await using var connection = await db.OpenConnectionAsync(None);
        await using (var set = new NpgsqlCommand(setting, connection))
        {
            await set.ExecuteNonQueryAsync(None);
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + PredictionHistoryRepository.PageSql(query), connection);
        explain.Parameters.AddWithValue("user_id", query.OwnerId);
        if (query.Task is { } task)
        {
            explain.Parameters.AddWithValue("task", task);
        }

        explain.Parameters.AddWithValue("limit", query.Limit);
        explain.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.Limit);
        await using var reader = await explain.ExecuteReaderAsync(None);
        var lines = new List<string>();
        while (await reader.ReadAsync(None))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task<(Guid Alice, Guid Bob)> TwoUsersAsync(NpgsqlDataSource db)
    {
        var users = new UserRepository(db);
        var alice = await users.GetOrCreateAsync($"alice-{Guid.NewGuid():N}@example.com", UserRoles.User, None);
        var bob = await users.GetOrCreateAsync($"bob-{Guid.NewGuid():N}@example.com", UserRoles.User, None);
        return (alice.Id, bob.Id);
    }
}
