using VisionAspire.Data;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>Records, once at start-up, which model versions this replica writes predictions with.</summary>
public sealed class ModelVersionRegistration(WorkerModels models, ModelVersionRepository versions, ILogger<ModelVersionRegistration> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var model in models.Store.Catalog.Models)
        {
            await versions.EnsureAsync(model.Id, model.Version, model.Task, model.Sha256, cancellationToken);
        }

        logger.LogInformation("Model versions registered; inference provider requested: {Provider}, in use: {InUse}",
            models.Provider, models.Store.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
