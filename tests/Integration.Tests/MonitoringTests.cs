using System.Net.Http.Json;
using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.Messaging;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>GET /api/v1/stats and /api/v1/queue-status on the running topology (Api, Preprocessor, two worker replicas).</summary>
[Collection(AppHostCollection.Name)]
public sealed class MonitoringTests(PipelineFixture fixture)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Stats_count_a_completed_upload_with_its_latency_its_model_runs_and_the_worker_replicas()
    {
        var before = await GetAsync("/api/v1/stats");
        var bytes = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("bus.jpg")), $"stats-{Guid.NewGuid()}");
        var upload = await fixture.Api.UploadAsync(("stats.jpg", bytes));
        var image = await fixture.Api.WaitForTerminalAsync(upload.Images.Single().Id, ProcessingTimeout);
        Assert.Equal("completed", image.Status);

        var after = await GetAsync("/api/v1/stats");

        Assert.Equal(Count(before, "total") + 1, Count(after, "total"));
        Assert.True(Status(after, "completed") >= Status(before, "completed") + 1);
        Assert.True(after.GetProperty("images").GetProperty("byKind").GetProperty(ImageKinds.Object).GetInt64() >= 1);
        var windows = after.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal([1, 5, 60], windows.Select(w => w.GetProperty("minutes").GetInt32()));
        var hour = windows[2];
        Assert.True(hour.GetProperty("completed").GetInt64() >= 1);
        Assert.True(hour.GetProperty("throughputPerSecond").GetDouble() > 0);
        Assert.InRange(hour.GetProperty("successRate").GetDouble(), 0, 1);
        var latency = hour.GetProperty("latency");
        Assert.True(latency.GetProperty("samples").GetInt64() >= 1);
        var (p50, p95, p99) = (latency.GetProperty("p50Ms").GetDouble(), latency.GetProperty("p95Ms").GetDouble(), latency.GetProperty("p99Ms").GetDouble());
        Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99, $"p50 {p50}, p95 {p95}, p99 {p99}");

        // The object image ran models; each task and model version reports its runs and timings.
        var tasks = after.GetProperty("tasks").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.True(t.GetProperty("runs").GetInt64() >= 1 && t.GetProperty("p95Ms").GetDouble() > 0));
        Assert.All(after.GetProperty("models").EnumerateArray(), m =>
        {
            Assert.True(m.GetProperty("runs").GetInt64() >= 1);
            Assert.True(m.GetProperty("meanMs").GetDouble() > 0);
            Assert.False(string.IsNullOrEmpty(m.GetProperty("version").GetString()));
        });

        var workers = after.GetProperty("workers");
        Assert.Equal(2, workers.GetProperty("replicas").GetInt64());
        Assert.Equal(1, workers.GetProperty("consumers").GetProperty(Queues.Preprocess).GetInt64());
    }

    [Fact]
    public async Task Queue_status_reports_every_queue_with_its_consumers_from_passive_declares()
    {
        var status = await GetAsync("/api/v1/queue-status");

        Assert.Equal("amqp-declare-passive", status.GetProperty("source").GetString());
        Assert.Equal(["unacked", "publishRate", "deliverRate"], status.GetProperty("unavailable").EnumerateArray().Select(u => u.GetString()));
        var queues = status.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!);
        Assert.Equal([.. Queues.Work.SelectMany(q => new[] { q, MessagingTopology.QuarantineOf(q) }), Queues.DeadLetter], queues.Keys);
        Assert.All(queues.Values, q =>
        {
            Assert.True(q.GetProperty("exists").GetBoolean());
            Assert.True(q.GetProperty("ready").GetInt64() >= 0);
            Assert.Equal(JsonValueKind.Null, q.GetProperty("unacked").ValueKind);
            Assert.Equal(JsonValueKind.Null, q.GetProperty("publishRate").ValueKind);
        });
        Assert.Equal(("preprocess", 1L), Role(queues[Queues.Preprocess]));
        Assert.Equal(("inference", 2L), Role(queues[Queues.InferFace]));
        Assert.Equal(("inference", 2L), Role(queues[Queues.InferObject]));
        Assert.Equal(("processing", 2L), Role(queues[Queues.Process]));
        Assert.Equal("dead-letter", queues[Queues.DeadLetter].GetProperty("role").GetString());
        // Quarantine is pulled (basic.get), never consumed.
        Assert.Equal(("quarantine", 0L), Role(queues[MessagingTopology.QuarantineOf(Queues.InferFace)]));
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await fixture.Api.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static long Count(JsonElement stats, string field) => stats.GetProperty("images").GetProperty(field).GetInt64();

    private static long Status(JsonElement stats, string status) =>
        stats.GetProperty("images").GetProperty("byStatus").TryGetProperty(status, out var count) ? count.GetInt64() : 0;

    private static (string?, long) Role(JsonElement queue) => (queue.GetProperty("role").GetString(), queue.GetProperty("consumers").GetInt64());
}
