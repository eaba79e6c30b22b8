namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class DeadLetterRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task A_dead_letter_delivered_twice_is_recorded_once_and_listed_newest_failure_first()
    {
        var deadLetters = new DeadLetterRepository(await servers.CreateMigratedDatabaseAsync());
        var older = Letter("m1", DateTimeOffset.UtcNow.AddMinutes(-5));
        var newer = Letter("m2", DateTimeOffset.UtcNow);

        Assert.True(await deadLetters.RecordAsync(older, CancellationToken.None));
        Assert.False(await deadLetters.RecordAsync(older, CancellationToken.None));
        Assert.True(await deadLetters.RecordAsync(newer, CancellationToken.None));

        var (items, total) = await deadLetters.ListAsync(1, 10, status: null, CancellationToken.None);
        Assert.Equal(2, total);
        Assert.Equal(["m2", "m1"], items.Select(i => i.MessageId));
        var first = items[1];
        Assert.Equal((older.Queue, older.ImageId, older.Reason, older.Attempts, DeadLetterStatus.Pending),
            (first.Queue, first.ImageId, first.Reason, first.Attempts, first.Status));
    }

    [Fact]
    public async Task Retry_takes_a_pending_dead_letter_once_with_its_body_and_can_give_it_back()
    {
        var deadLetters = new DeadLetterRepository(await servers.CreateMigratedDatabaseAsync());
        await deadLetters.RecordAsync(Letter("m1", DateTimeOffset.UtcNow), CancellationToken.None);
        var id = (await deadLetters.ListAsync(1, 10, null, CancellationToken.None)).Items.Single().Id;

        var takes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => deadLetters.TakeForRetryAsync(id, CancellationToken.None)));
        var taken = Assert.Single(takes, t => t is not null)!;
        Assert.Equal(("application/json", "{\"imageId\":1}"), (taken.ContentType, System.Text.Encoding.UTF8.GetString(taken.Body)));
        Assert.Equal(DeadLetterStatus.Retried, taken.Record.Status);
        Assert.Null(await deadLetters.DiscardAsync(id, CancellationToken.None));

        await deadLetters.ReturnToPendingAsync(id, CancellationToken.None);
        Assert.Equal(DeadLetterStatus.Discarded, (await deadLetters.DiscardAsync(id, CancellationToken.None))!.Status);
        Assert.Equal(1, (await deadLetters.ListAsync(1, 10, DeadLetterStatus.Discarded, CancellationToken.None)).Total);
        Assert.Equal(0, (await deadLetters.ListAsync(1, 10, DeadLetterStatus.Pending, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task The_same_message_dead_again_after_a_retry_is_a_new_dead_letter()
    {
        var deadLetters = new DeadLetterRepository(await servers.CreateMigratedDatabaseAsync());
        await deadLetters.RecordAsync(Letter("m1", DateTimeOffset.UtcNow), CancellationToken.None);
        var id = (await deadLetters.ListAsync(1, 10, null, CancellationToken.None)).Items.Single().Id;
        Assert.NotNull(await deadLetters.TakeForRetryAsync(id, CancellationToken.None));

        Assert.True(await deadLetters.RecordAsync(Letter("m1", DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.Equal([DeadLetterStatus.Pending, DeadLetterStatus.Retried],
            (await deadLetters.ListAsync(1, 10, null, CancellationToken.None)).Items.Select(i => i.Status).Order());
    }

    private static NewDeadLetter Letter(string messageId, DateTimeOffset at) =>
        new(messageId, "vision.infer.object", "inference.requested.v1", "application/json", Guid.NewGuid(),
            "crashed the worker 6 times", 6, at.AddSeconds(-30), at, "{\"imageId\":1}"u8.ToArray());
}
