using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Hosting.Tests.Orchestration;

public sealed class OrchestrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_crashing_process_is_restarted_with_doubling_delays()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o with
        {
            RestartDelay = TimeSpan.FromMilliseconds(200), MaxRestartDelay = TimeSpan.FromMilliseconds(800),
        });
        builder.AddExecutable("crasher", "/bin/sh", temp.Path, "-c", "echo started; exit 3");
        await using var app = builder.Build();

        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceAsync("crasher", s => s.Restarts >= 4).WaitAsync(Patience);

        var logs = app.GetResourceLogs("crasher");
        Assert.Contains("exited with code 3; restarting in 0.2 s", logs);
        Assert.Contains("exited with code 3; restarting in 0.4 s", logs);
        Assert.Contains("exited with code 3; restarting in 0.8 s", logs);
        Assert.True(logs.Count(l => l == "started") >= 4);
    }

    [Fact]
    public async Task Stopping_leaves_no_process_of_any_replica_behind()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("tree", "/bin/sh", temp.Path, "-c", "sleep 300 & sleep 300 & wait").WithReplicas(2);
        var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("tree").WaitAsync(Patience);

        var pids = app.GetResourceProcessIds("tree");
        Assert.Equal(2, pids.Count);
        var tree = await WaitForTreeAsync(pids, processesPerReplica: 3);

        await app.DisposeAsync();

        Assert.All(tree, p => Assert.False(ProcessTree.IsAlive(p), $"pid {p.Pid} survived"));
        Assert.All(app.ResourceNotifications.GetSnapshots("tree"), s => Assert.Equal(ResourceState.Finished, s.State));
    }

    [Fact]
    public async Task A_killed_replica_is_restarted_and_the_other_keeps_running()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o with { RestartDelay = TimeSpan.FromMilliseconds(100) });
        builder.AddExecutable("workers", "/bin/sh", temp.Path, "-c", "exec sleep 300").WithReplicas(2);
        await using var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("workers").WaitAsync(Patience);
        var before = app.GetResourceProcessIds("workers");

        Assert.True(app.KillResourceProcess("workers", replica: 1));
        await app.ResourceNotifications.WaitForResourceAsync("workers",
            s => s.Name == "workers-0" || (s.Restarts == 1 && s.State == ResourceState.Running)).WaitAsync(Patience);

        var after = app.GetResourceProcessIds("workers");
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
        Assert.False(ProcessTree.IsAlive(before[1]));
    }

    [Fact]
    public async Task A_project_waits_for_redis_and_receives_its_connection_string()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplicationTestingBuilder.Create();
        var cache = builder.AddRedis("cache");
        builder.AddExecutable("reader", "/bin/sh", temp.Path, "-c", "echo \"cs=$ConnectionStrings__cache service=$OTEL_SERVICE_NAME\"; exec sleep 300")
            .WithReference(cache).WaitFor(cache);
        var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("reader").WaitAsync(Patience);

        var connectionString = await app.GetConnectionStringAsync("cache");
        Assert.StartsWith("127.0.0.1:", connectionString);
        await WaitUntilAsync(() => app.GetResourceLogs("reader").Contains($"cs={connectionString} service=reader"));
        var redisPid = app.GetResourceProcessIds("cache").Single();

        await app.DisposeAsync();
        Assert.False(ProcessTree.IsAlive(redisPid));
    }

    [Fact]
    public async Task A_missing_server_binary_stops_start_up_with_one_line_and_starts_nothing()
    {
        using var temp = new TempDirectory();
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o with { ServerSearchPath = temp.Path });
        var cache = builder.AddRedis("cache");
        builder.AddExecutable("app", "/bin/sh", temp.Path, "-c", "exec sleep 300").WithReference(cache).WaitFor(cache);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<ServerNotInstalledException>(() => app.StartAsync());

        Assert.Equal("redis-server not found: install the Debian package 'redis-server' (run `make setup`).", error.Message);
        Assert.Empty(app.ResourceNotifications.GetSnapshots());
    }

    private static async Task<List<ProcessTree.ProcessIdentity>> WaitForTreeAsync(IReadOnlyList<int> pids, int processesPerReplica)
    {
        List<ProcessTree.ProcessIdentity> tree = [];
        await WaitUntilAsync(() =>
        {
            tree = [.. pids.SelectMany(ProcessTree.Snapshot)];
            return tree.Count == pids.Count * processesPerReplica;
        });
        return tree;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
