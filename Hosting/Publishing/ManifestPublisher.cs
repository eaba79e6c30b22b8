using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting.Publishing;

/// <summary>
/// Writes the Aspire 8.2-9.5 manifest (the shape aspirate reads): resources in the order they were added, then the
/// parameters created on their behalf.
/// </summary>
internal static class ManifestPublisher
{
    public const string Schema = "https://json.schemastore.org/aspire-8.0.json";

    public static void Publish(DistributedApplication application)
    {
        if (application.Options.Publisher != "manifest")
        {
            throw new ArgumentException($"Unknown publisher '{application.Options.Publisher}': the only one is 'manifest'.");
        }
        var outputPath = application.Options.OutputPath
            ?? throw new ArgumentException("--output-path is required with --publisher manifest (e.g. --output-path aspire-manifest.json).");

        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        File.WriteAllText(outputPath, Write(application.Model, Path.GetDirectoryName(outputPath)!));
        Console.WriteLine($"Wrote {outputPath}");
    }

    /// <summary>The manifest text, with project paths relative to <paramref name="manifestDirectory"/>.</summary>
    public static string Write(DistributedApplicationModel model, string manifestDirectory)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Schema);
            writer.WriteStartObject("resources");
            foreach (var resource in model.Resources.Concat(model.ImplicitResources))
            {
                writer.WriteStartObject(resource.Name);
                WriteResource(writer, resource, manifestDirectory);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteResource(Utf8JsonWriter writer, IResource resource, string manifestDirectory)
    {
        switch (resource)
        {
            case ContainerResource container:
                WriteContainer(writer, container);
                break;
            case PostgresDatabaseResource database:
                writer.WriteString("type", "value.v0");
                writer.WriteString("connectionString", database.ConnectionStringExpression);
                break;
            case ProjectResource project:
                writer.WriteString("type", "project.v0");
                writer.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Project.ProjectPath).Replace('\\', '/'));
                WriteEnvironment(writer, project);
                WriteBindings(writer, project.Endpoints, isProject: true);
                break;
            case ExecutableResource executable:
                writer.WriteString("type", "executable.v0");
                writer.WriteString("workingDirectory", Path.GetRelativePath(manifestDirectory, executable.WorkingDirectory).Replace('\\', '/'));
                writer.WriteString("command", executable.Command);
                WriteStrings(writer, "args", executable.Args);
                WriteEnvironment(writer, executable);
                WriteBindings(writer, executable.Endpoints, isProject: false);
                break;
            case ParameterResource parameter:
                WriteParameter(writer, parameter);
                break;
            default:
                throw new NotSupportedException($"No manifest shape for {resource.GetType().Name}.");
        }
    }

    private static void WriteContainer(Utf8JsonWriter writer, ContainerResource container)
    {
        writer.WriteString("type", "container.v0");
        writer.WriteString("connectionString", container.ConnectionStringExpression);
        writer.WriteString("image", container.Image);
        if (container.Entrypoint is { } entrypoint)
        {
            writer.WriteString("entrypoint", entrypoint);
        }
        if (container.Args.Count > 0)
        {
            WriteStrings(writer, "args", container.Args);
        }
        if (container.DataVolume is { } volume)
        {
            writer.WriteStartArray("volumes");
            writer.WriteStartObject();
            writer.WriteString("name", volume.Name);
            writer.WriteString("target", volume.Target);
            writer.WriteBoolean("readOnly", volume.ReadOnly);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        WriteMap(writer, "env", container.ContainerEnvironment);
        WriteBindings(writer, container.Endpoints, isProject: false);
    }

    private static void WriteEnvironment(Utf8JsonWriter writer, ExecutableResource resource)
    {
        var environment = new List<KeyValuePair<string, string>>
        {
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
            new("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
        };
        if (resource.Endpoints.Any(e => e.Name == "http"))
        {
            environment.Add(new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"));
            environment.Add(new("HTTP_PORTS", $"{{{resource.Name}.bindings.http.targetPort}}"));
        }
        foreach (var reference in resource.References)
        {
            if (reference is IResourceWithConnectionString)
            {
                environment.Add(new($"ConnectionStrings__{reference.Name}", $"{{{reference.Name}.connectionString}}"));
            }
            else if (reference is ExecutableResource target)
            {
                foreach (var endpoint in target.Endpoints.Where(e => e.Scheme == "http"))
                {
                    environment.Add(new($"services__{target.Name}__{endpoint.Name}__0", $"{{{target.Name}.bindings.{endpoint.Name}.url}}"));
                }
            }
        }
        environment.AddRange(resource.Environment);
        WriteMap(writer, "env", environment);
    }

    private static void WriteBindings(Utf8JsonWriter writer, IReadOnlyList<EndpointAnnotation> endpoints, bool isProject)
    {
        if (endpoints.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("bindings");
        var firstHttp = true;
        foreach (var endpoint in endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.Scheme);
            writer.WriteString("protocol", "tcp");
            writer.WriteString("transport", endpoint.Transport);
            // A project's first http endpoint gets no targetPort: the deployment decides it (aspirate uses 8080).
            var targetPort = isProject && endpoint.Scheme == "http" && firstHttp ? null : endpoint.TargetPort;
            firstHttp &= !(isProject && endpoint.Scheme == "http");
            if (endpoint.Port is { } port && port != targetPort)
            {
                writer.WriteNumber("port", port);
            }
            if (targetPort is { } target)
            {
                writer.WriteNumber("targetPort", target);
            }
            if (endpoint.IsExternal)
            {
                writer.WriteBoolean("external", true);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        writer.WriteStartObject("default");
        if (parameter.DefaultValue is { } value)
        {
            writer.WriteString("value", value);
        }
        else
        {
            writer.WriteStartObject("generate");
            writer.WriteNumber("minLength", 22);
            writer.WriteBoolean("special", false);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }
}
