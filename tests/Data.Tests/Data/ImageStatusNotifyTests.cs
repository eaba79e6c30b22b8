using System.Text.Json;
using Npgsql;
using VisionAspire.Contracts;

namespace VisionAspire.Data.Tests.Data;

/// <summary>Migration 0007: every status change of an image is announced on image_status, unchanged statuses are not.</summary>
[Collection(ServersCollection.Name)]
public sealed class ImageStatusNotifyTests(ServersFixture servers)
{
    [Fact]
    public async Task Insert_and_each_status_change_notify_with_the_row_and_a_repeated_status_does_not()
    {
        var db = await servers.DatabaseForAsync(GetType());
        var images = new ImageRepository(db);
        await using var listener = await db.OpenConnectionAsync();
        var received = new List<JsonElement>();
        listener.Notification += (_, e) => received.Add(JsonDocument.Parse(e.Payload).RootElement.Clone());
        await using (var listen = new NpgsqlCommand("LISTEN image_status", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var (image, _) = await images.InsertOrGetBySha256Async(TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        await images.UpdateStatusAsync(image.Id, ImageStatus.Processing, null, CancellationToken.None);
        await images.UpdateStatusAsync(image.Id, ImageStatus.Processing, null, CancellationToken.None);
        await images.UpdateStatusAsync(image.Id, ImageStatus.Failed, "decoder said no", CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (received.Count < 3)
        {
            await listener.WaitAsync(deadline.Token);
        }

        Assert.Equal([ImageStatus.Uploaded, ImageStatus.Processing, ImageStatus.Failed], received.Select(n => n.GetProperty("status").GetString()));
        Assert.All(received, n => Assert.Equal(image.Id, n.GetProperty("id").GetGuid()));
        Assert.Equal("decoder said no", received[2].GetProperty("error").GetString());
        Assert.True(received[2].GetProperty("updatedAt").GetDateTimeOffset() >= received[0].GetProperty("updatedAt").GetDateTimeOffset());
    }
}
