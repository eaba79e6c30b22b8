using OpenTelemetry.Exporter;

namespace VisionAspire.ServiceDefaults.Telemetry;

/// <summary>The OTLP endpoint and protocol, as read from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>_PROTOCOL</c>.</summary>
public sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public static OtlpSettings? From(string? endpoint, string? protocol)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an absolute URL.");
        }
        var parsed = protocol?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_PROTOCOL '{protocol}' is not supported (use grpc or http/protobuf)."),
        };
        return new OtlpSettings(uri, parsed);
    }

    /// <summary>
    /// Sets the exporter's endpoint. An endpoint set in code is used as is, so for http/protobuf the signal path
    /// (<c>v1/traces</c>, ...) is appended here, as the exporter does for the environment variable.
    /// </summary>
    public void Apply(OtlpExporterOptions options, string signalPath)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : Endpoint;
    }
}
