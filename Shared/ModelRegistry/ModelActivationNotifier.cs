using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// Tells every Api and worker replica that a model's active version changed, over Redis pub/sub: every service already
/// holds the Redis multiplexer, a subscription rides on its connection and is restored with it, and a message that is
/// lost (Redis down) is healed by each replica's periodic reconcile against Postgres, which holds the truth.
/// </summary>
public sealed class ModelActivationNotifier(IConnectionMultiplexer redis, ILogger<ModelActivationNotifier> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("vision:models:activated");

    /// <summary>Publishes the model id; a failure is logged, not thrown (the activation is already committed).</summary>
    public async Task PublishAsync(string modelId)
    {
        try
        {
            var receivers = await redis.GetSubscriber().PublishAsync(Channel, modelId);
            logger.LogInformation("Announced the activation of {ModelId} to {Receivers} replica(s)", modelId, receivers);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Announcing the activation of {ModelId} failed; replicas switch at their next reconcile", modelId);
        }
    }
}
