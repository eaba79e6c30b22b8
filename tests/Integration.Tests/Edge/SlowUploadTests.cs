using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Edge;

/// <summary>
/// A slow-loris upload: headers promise a large body that then arrives a byte a second. Kestrel's minimum request body
/// rate cuts it off within seconds with a 408 problem, instead of holding a connection and a form reader for it.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SlowUploadTests(PipelineFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_body_trickling_in_a_byte_a_second_gets_408_problem_details_within_seconds()
    {
        var api = fixture.Api.Http.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(api.Host, api.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/images HTTP/1.1\r\nHost: {api.Authority}\r\n{TestKeys.Header}: {TestKeys.Admin}\r\n"
            + $"Content-Type: multipart/form-data; boundary={RawMultipart.Boundary}\r\nContent-Length: 1000000\r\n\r\n"));

        var clock = Stopwatch.StartNew();
        var response = ReadResponseAsync(stream);
        var body = Encoding.ASCII.GetBytes($"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.jpg\"\r\n\r\n");
        for (var i = 0; !response.IsCompleted && clock.Elapsed < Bound; i++)
        {
            try
            {
                await stream.WriteAsync(body.AsMemory(i % body.Length, 1));
            }
            catch (IOException)
            {
                break;   // the server closed the connection; its answer, if any, is already on its way
            }
            await Task.WhenAny(response, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var answer = await response.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < Bound, $"the trickling upload was held for {clock.Elapsed}");
        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("application/problem+json", answer);
        await EdgeAssertions.AssertHealthyAsync(fixture.Api, fixture.Host.App);
    }

    /// <summary>Everything the server sends until it closes the connection or the headers and a JSON body have arrived.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = received.ToString();
                var headersEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headersEnd >= 0 && text.IndexOf('}', headersEnd) >= 0)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
        }

        return received.ToString();
    }
}
