namespace VisionAspire.Data.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class JobRepositoryTests(ServersFixture servers)
{
    [Fact]
    public async Task Concurrent_and_duplicate_item_completions_count_each_item_once()
    {
        var jobs = await RepositoryAsync();
        const int total = 40;
        var id = await jobs.CreateAsync("batch", total, """{"ops":2}""", CancellationToken.None);

        // Every item is delivered twice, all at once; every fifth item fails.
        var calls = Enumerable.Range(0, total).SelectMany(i => new[] { i, i }).Select(i => Task.Run(() =>
            jobs.CompleteItemAsync(id, i, Guid.NewGuid(), i % 5 == 0 ? null : $$"""{"item":{{i}}}""", i % 5 == 0 ? "bad pixels" : null, CancellationToken.None)));
        var recorded = await Task.WhenAll(calls);

        Assert.Equal(total, recorded.Count(r => r));
        var job = (await jobs.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((total, total - total / 5, total / 5, JobStatus.Completed), (job.Total, job.Done, job.Failed, job.Status));
        Assert.Equal(Enumerable.Range(0, total), job.Items.Select(i => i.Index));
        Assert.All(job.Items.Where(i => i.Index % 5 == 0), i => Assert.Equal((JobItemStatus.Failed, "bad pixels"), (i.Status, i.Error)));
        Assert.All(job.Items.Where(i => i.Index % 5 != 0), i => Assert.Equal(JobItemStatus.Completed, i.Status));
        Assert.Equal([JobStatus.Pending, JobStatus.Completed], job.History.Select(e => e.Status));
        Assert.Equal("""{"ops": 2}""", job.PayloadJson);
    }

    [Fact]
    public async Task Progress_is_visible_while_items_are_outstanding()
    {
        var jobs = await RepositoryAsync();
        var id = await jobs.CreateAsync("batch", 3, null, CancellationToken.None);

        await jobs.CompleteItemAsync(id, 1, null, """{"key":"processed/a"}""", null, CancellationToken.None);

        var job = (await jobs.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Running, 1, 0), (job.Status, job.Done, job.Failed));
        Assert.Equal([JobItemStatus.Pending, JobItemStatus.Completed, JobItemStatus.Pending], job.Items.Select(i => i.Status));
        Assert.Contains("processed/a", job.Items[1].ResultJson);
    }

    [Fact]
    public async Task A_job_whose_items_all_failed_ends_failed()
    {
        var jobs = await RepositoryAsync();
        var id = await jobs.CreateAsync("pipeline", 2, null, CancellationToken.None);

        await jobs.CompleteItemAsync(id, 0, null, null, "timeout", CancellationToken.None);
        await jobs.CompleteItemAsync(id, 1, null, null, "timeout", CancellationToken.None);

        var job = (await jobs.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal((JobStatus.Failed, 0, 2), (job.Status, job.Done, job.Failed));
    }

    [Fact]
    public async Task Unknown_jobs_and_items_are_reported()
    {
        var jobs = await RepositoryAsync();
        var id = await jobs.CreateAsync("batch", 2, null, CancellationToken.None);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => jobs.CompleteItemAsync(id, 2, null, null, null, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => jobs.CompleteItemAsync(Guid.NewGuid(), 0, null, null, null, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => jobs.AddEventAsync(Guid.NewGuid(), "cancelled", null, CancellationToken.None));
        Assert.Null(await jobs.GetAsync(Guid.NewGuid(), OwnerScope.Everyone, CancellationToken.None));
    }

    [Fact]
    public async Task Events_set_the_status_and_build_the_history_in_order()
    {
        var jobs = await RepositoryAsync();
        var id = await jobs.CreateAsync("upload", 1, null, CancellationToken.None);

        await jobs.AddEventAsync(id, JobStatus.Running, "preprocessing", CancellationToken.None);
        await jobs.AddEventAsync(id, "waiting-for-gpu", null, CancellationToken.None);

        var job = (await jobs.GetAsync(id, OwnerScope.Everyone, CancellationToken.None))!;
        Assert.Equal("waiting-for-gpu", job.Status);
        Assert.Equal([JobStatus.Pending, JobStatus.Running, "waiting-for-gpu"], job.History.Select(e => e.Status));
        Assert.Equal("preprocessing", job.History[1].Message);
        Assert.True(job.History[1].At <= job.History[2].At);
    }

    [Fact]
    public async Task An_empty_job_is_completed_at_creation()
    {
        var jobs = await RepositoryAsync();

        var job = (await jobs.GetAsync(await jobs.CreateAsync("batch", 0, null, CancellationToken.None), OwnerScope.Everyone, CancellationToken.None))!;

        Assert.Equal((JobStatus.Completed, 0), (job.Status, job.Items.Count));
    }

    private async Task<JobRepository> RepositoryAsync() => new(await servers.DatabaseForAsync(GetType()));
}
