using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VisionAspire.Models;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Shared.ModelRegistry;

public static class ModelRegistryRegistration
{
    /// <summary>
    /// The registry's runtime for a service that runs models from <paramref name="store"/>: catalog seeding, the
    /// classifiers and the face embedder by active version, activation announcements and the listener that switches versions live.
    /// Call after AddVisionBackends (the seeder must start after the migrations).
    /// </summary>
    public static IHostApplicationBuilder AddModelRegistry(this IHostApplicationBuilder builder, Func<IServiceProvider, ModelStore> store)
    {
        builder.Services.Configure<ModelRegistryOptions>(builder.Configuration.GetSection(ModelRegistryOptions.Section));
        builder.Services.AddSingleton<ModelStore>(store);
        builder.Services.AddSingleton<ClassifierRegistry>();
        builder.Services.AddSingleton<IClassifierSource>(sp => sp.GetRequiredService<ClassifierRegistry>());
        builder.Services.AddSingleton<ILiveModels>(sp => sp.GetRequiredService<ClassifierRegistry>());
        builder.Services.AddSingleton<ActiveFaceEmbedder>();
        builder.Services.AddSingleton<ILiveModels>(sp => sp.GetRequiredService<ActiveFaceEmbedder>());
        builder.Services.AddSingleton<ModelActivationNotifier>();
        builder.Services.AddHostedService<ModelRegistrySeeder>();
        builder.Services.AddHostedService<ModelActivationListener>();
        return builder;
    }
}
