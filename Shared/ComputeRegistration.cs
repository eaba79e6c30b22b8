using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VisionAspire.Shared;

public static class ComputeRegistration
{
    /// <summary>Registers the process-wide <see cref="ComputeGate"/>, sized by the "Vision:Compute" section.</summary>
    public static IHostApplicationBuilder AddComputeGate(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ComputeOptions.Section).Get<ComputeOptions>() ?? new ComputeOptions();
        builder.Services.AddSingleton(new ComputeGate(options.EffectiveSlots));
        return builder;
    }
}
