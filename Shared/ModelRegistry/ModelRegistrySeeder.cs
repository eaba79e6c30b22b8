using Microsoft.Extensions.Hosting;
using VisionAspire.Data;
using VisionAspire.Models;

namespace VisionAspire.Shared.ModelRegistry;

/// <summary>
/// Seeds the registry from the catalog at start-up (after the migrations): each catalogued version is recorded once and
/// activated when its model has no active version yet. Idempotent, so every replica runs it.
/// </summary>
public sealed class ModelRegistrySeeder(ModelStore store, ModelRegistryRepository registry) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var model in store.Catalog.Models)
        {
            await registry.SeedCatalogAsync(
                new CatalogModelVersion(model.Id, model.Version, model.Task, model.Sha256, model.SizeBytes, model.SourceUrl), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
