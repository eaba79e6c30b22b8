using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VisionAspire.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the repositories as singletons over the <see cref="Npgsql.NpgsqlDataSource"/> already in DI
    /// (AddNpgsqlDataSource) and, when <paramref name="applyMigrations"/>, a hosted service that migrates the
    /// database at start-up. Call it before registering consumers so the schema exists when they start.
    /// </summary>
    public static IServiceCollection AddVisionData(this IServiceCollection services, bool applyMigrations = true)
    {
        services.TryAddSingleton<ImageRepository>();
        services.TryAddSingleton<PredictionRepository>();
        services.TryAddSingleton<PredictionHistoryRepository>();
        services.TryAddSingleton<JobRepository>();
        services.TryAddSingleton<ModelRegistryRepository>();
        services.TryAddSingleton<StatsRepository>();
        services.TryAddSingleton<PeopleRepository>();
        services.TryAddSingleton<FaceReembeddingRepository>();
        services.TryAddSingleton<DeadLetterRepository>();
        services.TryAddSingleton<UserRepository>();
        services.TryAddSingleton<ApiKeyRepository>();
        services.TryAddSingleton<ProcessedOutputRepository>();
        if (applyMigrations)
        {
            services.AddHostedService<DatabaseMigrationService>();
        }

        return services;
    }
}
