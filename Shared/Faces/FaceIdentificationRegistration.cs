using Microsoft.Extensions.DependencyInjection;

namespace VisionAspire.Shared.Faces;

public static class FaceIdentificationRegistration
{
    /// <summary>The gallery (one in-memory index per process) and identification over it. Needs the data repositories.</summary>
    public static IServiceCollection AddFaceIdentification(this IServiceCollection services)
    {
        services.AddSingleton<IFaceGallery, PostgresFaceGallery>();
        services.AddSingleton<FaceIdentifier>();
        return services;
    }
}
