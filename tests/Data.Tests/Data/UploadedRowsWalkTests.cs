using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

/// <summary>The walk the Api's sweeper makes once after a start over the rows a previous process left "uploaded".</summary>
[Collection(ServersCollection.Name)]
public sealed class UploadedRowsWalkTests(ServersFixture servers)
{
    [Fact]
    public async Task Walks_the_uploaded_rows_created_before_a_moment_oldest_first_page_by_page()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        var first = await InsertAsync(images);
        var moved = await InsertAsync(images);
        var second = await InsertAsync(images);
        Assert.True(await images.UpdateStatusAsync(moved.Id, ImageStatus.Preprocessing, null, CancellationToken.None));
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(10);
        await InsertAsync(images);

        var walked = new List<Guid>();
        (DateTimeOffset, Guid)? cursor = null;
        while (true)
        {
            var page = await images.ListUploadedCreatedBeforeAsync(before, cursor, limit: 1, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }
            walked.AddRange(page.Select(i => i.Id));
            cursor = (page[^1].CreatedAt, page[^1].Id);
        }

        Assert.Equal([first.Id, second.Id], walked);
    }

    private static async Task<ImageRecord> InsertAsync(ImageRepository images) =>
        (await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None)).Image;
}
