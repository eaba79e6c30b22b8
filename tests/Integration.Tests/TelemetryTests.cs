using System.Globalization;
using Aspire.Hosting.Testing;
using VisionAspire.Contracts;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>What the services export: one trace per uploaded image across every service, and Prometheus metrics.</summary>
[Collection(AppHostCollection.Name)]
public sealed class TelemetryTests(PipelineFixture fixture)
{
    private const string ImageIdTag = "visionaspire.image.id";

    /// <summary>The key the object store's health check asks about (ServiceDefaults' ObjectStoreHealthCheck).</summary>
    private const string ObjectStoreProbeKey = "health/probe";
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task One_upload_yields_one_trace_from_the_api_request_through_preprocessor_and_workers()
    {
        var bytes = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("face_single_woman_laptop.jpg")), $"trace-{Guid.NewGuid()}");
        var upload = await fixture.Api.UploadAsync(("trace.jpg", bytes));
        var imageId = upload.Images.Single().Id.ToString();
        var image = await fixture.Api.WaitForTerminalAsync(upload.Images[0].Id, ProcessingTimeout);
        Assert.Equal("completed", image.Status);
        Assert.Equal("face", image.Kind);

        var uploadSpan = (await fixture.Traces.WaitForAsync(
            spans => spans.Any(s => IsUploadOf(s, imageId)), ExportTimeout, "upload span")).Single(s => IsUploadOf(s, imageId));
        var traceId = uploadSpan.TraceId;

        // Every part of the image's journey, each exported by its own service once its span ended.
        var spans = await fixture.Traces.WaitForAsync(all =>
        {
            var trace = all.Where(s => s.TraceId == traceId).ToList();
            return trace.Any(s => s.Service == "api" && s.ParentSpanId == "")
                   && trace.Any(s => IsProcessing(s, "preprocessor", Queues.Preprocess, imageId))
                   && trace.Any(s => s.Service == "preprocessor" && s.Name == "detect faces")
                   && trace.Any(s => s.Service == "preprocessor" && s.Name == "route")
                   && trace.Any(s => IsProcessing(s, "workers", Queues.InferFace, imageId))
                   && trace.Any(s => s.Service == "workers" && s.Name == "store predictions")
                   && trace.Any(s => s.Service == "workers" && s.Attributes.ContainsKey("visionaspire.model.id"))
                   && all.Any(s => s.Service == "workers" && s.Name == $"batch {Queues.InferFace}" && s.LinkedTraceIds.Contains(traceId));
        }, ExportTimeout, $"complete trace {traceId}");

        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        // The Api's request span is the root; nothing of this image happened in another trace.
        Assert.Equal("api", Assert.Single(trace, s => s.ParentSpanId == "").Service);
        Assert.Equal([traceId], spans.Where(s => s.Attributes.GetValueOrDefault(ImageIdTag) == imageId).Select(s => s.TraceId).Distinct());
        Assert.Equal(["api", "preprocessor", "workers"], trace.Select(s => s.Service).Distinct().Order());

        // Every span of the trace hangs off another span of it.
        var spanIds = trace.Select(s => s.SpanId).ToHashSet();
        Assert.All(trace.Where(s => s.ParentSpanId != ""), s => Assert.Contains(s.ParentSpanId, spanIds));

        var modelRun = trace.First(s => s.Service == "workers" && s.Attributes.ContainsKey("visionaspire.model.id"));
        Assert.False(string.IsNullOrEmpty(modelRun.Attributes.GetValueOrDefault("visionaspire.model.version")));
        Assert.True(double.Parse(modelRun.Attributes["visionaspire.model.ms"], CultureInfo.InvariantCulture) > 0);

        // The batch span serves several traces: it is not part of this one, it links to it.
        Assert.DoesNotContain(trace, s => s.Name.StartsWith("batch ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_probes_start_no_traces_of_their_own()
    {
        foreach (var probe in new[] { "/health", "/health/ready", "/alive", "/health" })
        {
            using var response = await fixture.Api.Http.GetAsync(probe);
            Assert.True(response.IsSuccessStatusCode, $"{probe} answered {(int)response.StatusCode}");
        }

        // An upload's trace, exported after the probes' spans would have been, marks the end of the window.
        var bytes = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("bus.jpg")), $"probe-{Guid.NewGuid()}");
        var imageId = (await fixture.Api.UploadAsync(("probe.jpg", bytes))).Images.Single().Id.ToString();
        var spans = await fixture.Traces.WaitForAsync(all => all.Any(s => IsUploadOf(s, imageId)), ExportTimeout, "upload span");

        // Every probe since the topology started (the AppHost's every few seconds, and the ones above) checked storage,
        // Postgres and Redis. Their spans hang off the probe request, which is never exported, so the dashboard
        // would list each as a trace of its own: none may be exported at all.
        Assert.DoesNotContain(spans, s => s.Attributes.GetValueOrDefault("storage.key") == ObjectStoreProbeKey);
        Assert.DoesNotContain(spans, s => s.Name == "PING");
        Assert.DoesNotContain(spans, s => s.Attributes.Values.Any(v => v.Trim().TrimEnd(';') == "SELECT 1"));
    }

    [Fact]
    public async Task The_api_serves_prometheus_metrics_counting_accepted_images_and_queue_depths()
    {
        var bytes = UniqueImages.WithTag(File.ReadAllBytes(TestPaths.Image("bus.jpg")), $"metrics-{Guid.NewGuid()}");
        await fixture.Api.UploadAsync(("metrics.jpg", bytes));

        // The exporter caches a scrape briefly and the queue depths are read every few seconds: poll.
        var deadline = DateTime.UtcNow + ExportTimeout;
        while (true)
        {
            using var response = await fixture.Api.Http.GetAsync("/metrics");
            Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}");
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            var accepted = Samples(text, "visionaspire_images_accepted_total").Sum();
            var hasDepth = Samples(text, "visionaspire_queue_depth", $"queue=\"{Queues.Preprocess}\"").Any();
            var hasUploadDuration = Samples(text, "visionaspire_stage_duration_seconds_count", "stage=\"upload\"").Any(v => v > 0);
            if (accepted > 0 && hasDepth && hasUploadDuration)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"/metrics: accepted {accepted}, queue depth {hasDepth}, upload duration {hasUploadDuration}:\n{text[..Math.Min(text.Length, 4000)]}");
            await Task.Delay(500);
        }
    }

    private static bool IsUploadOf(CapturedSpan span, string imageId) =>
        span.Service == "api" && span.Name == "upload image" && span.Attributes.GetValueOrDefault(ImageIdTag) == imageId;

    private static bool IsProcessing(CapturedSpan span, string service, string queue, string imageId) =>
        span.Service == service && span.Name == $"process {queue}" && span.Attributes.GetValueOrDefault(ImageIdTag) == imageId;

    /// <summary>The values of the Prometheus samples of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static IEnumerable<double> Samples(string exposition, string metric, string? label = null) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0])
            .Select(value => double.Parse(value, CultureInfo.InvariantCulture));
}
