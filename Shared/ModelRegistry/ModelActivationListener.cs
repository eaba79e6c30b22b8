using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// Switches this replica's live models (classifiers, face embedder) to a newly activated version: on each <see cref="ModelActivationNotifier"/>
/// message, and every <see cref="ModelRegistryOptions.ReconcileInterval"/> against Postgres, so a message lost while
/// Redis was unreachable delays a switch but never loses it.
/// </summary>
public sealed class ModelActivationListener(
    IConnectionMultiplexer redis, IEnumerable<ILiveModels> models, IOptions<ModelRegistryOptions> options, ILogger<ModelActivationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var live in models)
                {
                    await live.RefreshAllAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var messages = await redis.GetSubscriber().SubscribeAsync(ModelActivationNotifier.Channel);
                messages.OnMessage(message => SwitchAsync(message.Message.ToString(), ct));
                logger.LogInformation("Listening for model activations");
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Subscribing to model activations failed ({Reason}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task SwitchAsync(string modelId, CancellationToken ct)
    {
        try
        {
            foreach (var live in models)
            {
                await live.RefreshAsync(modelId, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Model {ModelId}: switching to its active version failed; still serving the loaded one", modelId);
        }
    }
}
