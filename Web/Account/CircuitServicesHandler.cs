using Microsoft.AspNetCore.Components.Server.Circuits;

namespace VisionAspire.Web.Account;

/// <summary>Makes the circuit's services visible to <see cref="CircuitServicesAccessor"/> while the circuit works.</summary>
public sealed class CircuitServicesHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
