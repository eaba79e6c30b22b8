using VisionAspire.LocalServers;
using System.Collections.Concurrent;
using System.Net;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// An OTLP/HTTP endpoint on a loopback port that keeps every span POSTed to <c>/v1/traces</c> (protobuf) and answers
/// metrics and logs exports with an empty success. Point a service at it with <see cref="Environment"/>.
/// </summary>
public sealed class OtlpTraceReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<CapturedSpan> _spans = new();
    private readonly Task _serving;

    public OtlpTraceReceiver()
    {
        Endpoint = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _listener.Prefixes.Add($"{Endpoint}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>The environment that makes a service export here (http/protobuf, short batch delay).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public IReadOnlyList<CapturedSpan> Spans => [.. _spans];

    /// <summary>Polls the captured spans until <paramref name="done"/> holds for them; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<CapturedSpan>> WaitForAsync(Func<IReadOnlyList<CapturedSpan>, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = Spans;
            if (done(spans))
            {
                return spans;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {what} within {timeout}; captured {spans.Count} span(s) from " +
                string.Join(", ", spans.Select(s => s.Service).Distinct()));
            await Task.Delay(250);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    foreach (var span in OtlpTraceDecoder.Decode(body.ToArray()))
                    {
                        _spans.Enqueue(span);
                    }
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = 400;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
