using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionAspire.Api.Auth;
using VisionAspire.Contracts;
using VisionAspire.Data;

namespace VisionAspire.Api.Events;

/// <summary>
/// GET /api/v1/images/events?ids=a,b: subscribes before reading the current statuses, so no change between the
/// two is lost; then relays the notifications, dropping any older than what the client already has. Only images the
/// caller may see: another user's id is answered as an unknown one, and every later read uses the caller's scope.
/// </summary>
public static class ImageStatusStream
{
    public const string EventType = "status";
    public const int MaxIds = 100;

    public static async Task<Results<ServerSentEventsResult<ImageStatusEvent>, ValidationProblem>> HandleAsync(
        string? ids, ClaimsPrincipal caller, ImageStatusHub hub, ImageRepository images, CancellationToken ct)
    {
        var (wanted, error) = ParseIds(ids);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] });
        }

        var subscription = hub.Subscribe(wanted);
        try
        {
            var scope = caller.OwnerScope();
            var current = await ReadCurrentAsync(wanted, images, scope, ct);
            var unknown = wanted.Where(id => !current.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                subscription.Dispose();
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["ids"] = [$"No image with id {string.Join(", ", unknown)}."],
                });
            }

            return TypedResults.ServerSentEvents(RelayAsync(subscription, current, images, scope, CancellationToken.None));
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    private static (HashSet<Guid> Ids, string? Error) ParseIds(string? ids)
    {
        var parsed = new HashSet<Guid>();
        foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return (parsed, $"'{part}' is not an image id.");
            }

            parsed.Add(id);
        }

        return parsed.Count switch
        {
            0 => (parsed, "Name at least one image id."),
            > MaxIds => (parsed, $"At most {MaxIds} image ids per stream."),
            _ => (parsed, null),
        };
    }

    private static async IAsyncEnumerable<SseItem<ImageStatusEvent>> RelayAsync(
        ImageStatusSubscription subscription,
        Dictionary<Guid, ImageStatusEvent> current,
        ImageRepository images,
        OwnerScope scope,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        foreach (var status in current.Values)
        {
            yield return new SseItem<ImageStatusEvent>(status, EventType);
        }

        while (!current.Values.All(IsFinished) && await subscription.Events.WaitToReadAsync(ct))
        {
            while (subscription.Events.TryRead(out var item))
            {
                IEnumerable<ImageStatusEvent> fresh = item is null
                    ? (await ReadCurrentAsync(subscription.Ids, images, scope, ct)).Values
                    : [item];
                foreach (var status in fresh)
                {
                    if (IsNewer(status, current.GetValueOrDefault(status.Id)))
                    {
                        current[status.Id] = status;
                        yield return new SseItem<ImageStatusEvent>(status, EventType);
                    }
                }
            }
        }
    }

    private static async Task<Dictionary<Guid, ImageStatusEvent>> ReadCurrentAsync(
        IEnumerable<Guid> ids, ImageRepository images, OwnerScope scope, CancellationToken ct)
    {
        var current = new Dictionary<Guid, ImageStatusEvent>();
        foreach (var id in ids)
        {
            var image = await images.GetAsync(id, scope, ct);
            if (image is not null)
            {
                current[id] = new ImageStatusEvent(image.Id, image.Status, image.Kind, image.Error, image.UpdatedAt);
            }
        }

        return current;
    }

    // A notification queued before the snapshot was read can arrive after it: keep whichever is later.
    private static bool IsNewer(ImageStatusEvent candidate, ImageStatusEvent? known) =>
        known is null
        || candidate.UpdatedAt > known.UpdatedAt
        || (candidate.UpdatedAt == known.UpdatedAt && candidate.Status != known.Status);

    private static bool IsFinished(ImageStatusEvent status) =>
        status.Status is ImageStatus.Completed or ImageStatus.Failed;
}
