using VisionAspire.Api.Images;
using VisionAspire.Contracts;

namespace VisionAspire.Infrastructure.Tests.Api;

public sealed class UnpublishedUploadsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_past_the_capacity_are_not_held_but_their_span_of_upload_times_is_kept()
    {
        var unpublished = new UnpublishedUploads(capacity: 2);
        unpublished.Add(Uploaded(T0));
        unpublished.Add(Uploaded(T0.AddSeconds(1)));
        unpublished.Add(Uploaded(T0.AddSeconds(5)));
        unpublished.Add(Uploaded(T0.AddSeconds(3)));

        Assert.Equal(2, unpublished.Count);
        Assert.Equal([T0, T0.AddSeconds(1)], unpublished.Snapshot().Select(e => e.UploadedAt));
        Assert.Equal(new UploadSpan(T0.AddSeconds(3), T0.AddSeconds(5)), unpublished.TakeOverflow());
        Assert.Null(unpublished.TakeOverflow());
    }

    [Fact]
    public void An_event_already_held_is_replaced_even_when_full()
    {
        var unpublished = new UnpublishedUploads(capacity: 1);
        var first = Uploaded(T0);
        unpublished.Add(first);
        unpublished.Add(first with { JobItemIndex = 3 });

        Assert.Equal(3, Assert.Single(unpublished.Snapshot()).JobItemIndex);
        Assert.Null(unpublished.TakeOverflow());
    }

    [Fact]
    public void What_the_sweeper_did_not_get_through_goes_back_merged_with_what_was_let_go_since()
    {
        var unpublished = new UnpublishedUploads(capacity: 0);
        unpublished.Add(Uploaded(T0));
        unpublished.Add(Uploaded(T0.AddSeconds(10)));
        var taken = unpublished.TakeOverflow()!;
        unpublished.Add(Uploaded(T0.AddSeconds(20)));

        unpublished.ReturnOverflow(taken with { From = T0.AddSeconds(4) });

        Assert.False(unpublished.IsEmpty);
        Assert.Equal(new UploadSpan(T0.AddSeconds(4), T0.AddSeconds(20)), unpublished.TakeOverflow());
        Assert.True(unpublished.IsEmpty);
    }

    [Fact]
    public async Task Adding_an_event_wakes_a_waiting_sweeper()
    {
        var unpublished = new UnpublishedUploads();
        Assert.False(await unpublished.WaitForAddedAsync(TimeSpan.Zero, CancellationToken.None));

        unpublished.Add(Uploaded(T0));
        unpublished.Add(Uploaded(T0.AddSeconds(1)));

        Assert.True(await unpublished.WaitForAddedAsync(TimeSpan.Zero, CancellationToken.None));
        // One wake-up for any number of events added meanwhile.
        Assert.False(await unpublished.WaitForAddedAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private static ImageUploadedV1 Uploaded(DateTimeOffset at) =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"originals/{Guid.NewGuid():N}", new string('a', 64), "image/jpeg", at);
}
