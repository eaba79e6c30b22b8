using Npgsql;
using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

/// <summary>The tasks an image is uploaded with and the processed outputs its tasks record (migration 0003).</summary>
[Collection(ServersCollection.Name)]
public sealed class ImageTasksRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task The_upload_tasks_are_stored_with_the_image_and_none_reads_back_as_null()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var chosen = TestImages.New() with { Tasks = [ImageTasks.Objects, ImageTasks.Blur] };
        var plain = TestImages.New();

        await images.InsertOrGetBySha256Async(chosen, Guid.NewGuid(), CancellationToken.None);
        await images.InsertOrGetBySha256Async(plain, Guid.NewGuid(), CancellationToken.None);

        Assert.Equal([ImageTasks.Objects, ImageTasks.Blur], (await images.GetAsync(chosen.Id, OwnerScope.Everyone, CancellationToken.None))!.Tasks);
        Assert.Null((await images.GetAsync(plain.Id, OwnerScope.Everyone, CancellationToken.None))!.Tasks);
    }

    [Fact]
    public async Task A_duplicate_upload_keeps_the_tasks_of_the_first()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var first = TestImages.New() with { Tasks = [ImageTasks.Ocr] };

        await images.InsertOrGetBySha256Async(first, Guid.NewGuid(), CancellationToken.None);
        var (again, created) = await images.InsertOrGetBySha256Async(
            TestImages.New(first.Sha256) with { Tasks = [ImageTasks.Blur] }, Guid.NewGuid(), CancellationToken.None);

        Assert.False(created);
        Assert.Equal([ImageTasks.Ocr], again.Tasks);
    }

    [Fact]
    public async Task Recording_a_tasks_output_again_replaces_its_one_row()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var (image, _) = await new ImageRepository(db).InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        var outputs = new ProcessedOutputRepository(db);
        var key = $"processed/2026/12/02/{image.Id}/blur.jpg";

        await outputs.RecordAsync(new ProcessedOutput(image.Id, ImageTasks.Blur, key, "image/jpeg", 1000, 640, 480, 12.5), CancellationToken.None);
        await outputs.RecordAsync(new ProcessedOutput(image.Id, ImageTasks.Blur, key, "image/jpeg", 1010, 640, 480, 11.0), CancellationToken.None);

        var stored = Assert.Single(await outputs.GetForImageAsync(image.Id, CancellationToken.None));
        Assert.Equal(new ProcessedOutput(image.Id, ImageTasks.Blur, key, "image/jpeg", 1010, 640, 480, 11.0), stored);
        Assert.Empty(await outputs.GetForImageAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task An_output_needs_its_image_and_goes_with_it()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var (image, _) = await new ImageRepository(db).InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        var outputs = new ProcessedOutputRepository(db);
        await outputs.RecordAsync(new ProcessedOutput(image.Id, ImageTasks.Blur, "processed/k.jpg", "image/jpeg", 1, 1, 1, 1), CancellationToken.None);

        await Assert.ThrowsAsync<PostgresException>(() => outputs.RecordAsync(
            new ProcessedOutput(Guid.NewGuid(), ImageTasks.Blur, "processed/x.jpg", "image/jpeg", 1, 1, 1, 1), CancellationToken.None));
        await using (var delete = db.CreateCommand("DELETE FROM images WHERE id = @id"))
        {
            delete.Parameters.AddWithValue("id", image.Id);
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Empty(await outputs.GetForImageAsync(image.Id, CancellationToken.None));
    }
}
