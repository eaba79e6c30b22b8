using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace VisionAspire.Web.Api;

/// <summary>
/// Follows the Api's status stream (Server-Sent Events) for a set of images until every one is completed or
/// failed. A dropped stream is opened again for the images still unfinished; the Api starts each stream with the
/// current statuses, so nothing is missed across the gap.
/// </summary>
public sealed class ImageStatusFeed(HttpClient http, ILogger<ImageStatusFeed> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<ImageStatusEvent> FollowAsync(IEnumerable<Guid> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var unfinished = ids.ToHashSet();
        while (unfinished.Count > 0)
        {
            var stream = OpenAsync(unfinished, ct);
            await using var events = stream.GetAsyncEnumerator(ct);
            while (true)
            {
                ImageStatusEvent? status;
                try
                {
                    status = await events.MoveNextAsync() ? events.Current : null;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The image status stream broke; opening it again");
                    status = null;
                }

                if (status is null)
                {
                    break;
                }

                if (status.IsFinished)
                {
                    unfinished.Remove(status.Id);
                }

                yield return status;
            }

            if (unfinished.Count > 0)
            {
                await Task.Delay(ReconnectDelay, ct);
            }
        }
    }

    private async IAsyncEnumerable<ImageStatusEvent> OpenAsync(IReadOnlyCollection<Guid> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/images/events?ids=" + string.Join(',', ids));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, ct);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var parser = SseParser.Create(body, (_, data) => JsonSerializer.Deserialize<ImageStatusEvent>(data, Json));
        await foreach (var item in parser.EnumerateAsync(ct))
        {
            if (item.Data is not null)
            {
                yield return item.Data;
            }
        }
    }
}
