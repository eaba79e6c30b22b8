namespace VisionAspire.Web.Account;

/// <summary>
/// The services of the Blazor circuit whose work is running now. HTTP message handlers live in a DI scope of their
/// own (IHttpClientFactory's), so they cannot inject the circuit's <c>AuthenticationStateProvider</c>; the circuit
/// handler below sets this around every piece of inbound circuit work, and async work started there keeps it.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
