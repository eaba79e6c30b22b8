using System.Diagnostics;

namespace VisionAspire.Api;

/// <summary>The Api's own spans: one "upload image" per stored file, under the request's span (the root of the image's trace).</summary>
public static class ApiTelemetry
{
    public const string Name = "VisionAspire.Api";

    public static readonly ActivitySource Source = new(Name);
}
