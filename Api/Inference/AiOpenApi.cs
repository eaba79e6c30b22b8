using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace VisionAspire.Api.Inference;

/// <summary>OpenAPI documentation the AI endpoints add to what the operations document: list parameters, examples, headers.</summary>
public static class AiOpenApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A comma-separated query parameter (form style, not exploded): <c>?classes=car,person</c>.</summary>
    public static RouteHandlerBuilder WithListParameter(this RouteHandlerBuilder builder, string name, string description,
        IReadOnlyList<string>? allowed, string example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Style = ParameterStyle.Form,
                Explode = false,
                Example = JsonValue.Create(example),
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = allowed?.Select(a => (JsonNode)JsonValue.Create(a)).ToList(),
                    },
                },
            });
            return Task.CompletedTask;
        });

    /// <summary>An example of the 200 response's JSON body.</summary>
    public static RouteHandlerBuilder WithJsonExample(this RouteHandlerBuilder builder, object example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var response) == true
                && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), Json);
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// The 200 response as an encoded image in any of <paramref name="imageTypes"/> (binary) or, as the alternative,
    /// <typeparamref name="T"/> as application/json with an example.
    /// </summary>
    public static RouteHandlerBuilder WithImageOrJson<T>(this RouteHandlerBuilder builder, IEnumerable<string> imageTypes, T example, string description)
        where T : notnull =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            if (operation.Responses?.TryGetValue("200", out var found) != true || found is not OpenApiResponse response)
            {
                return;
            }

            response.Description = description;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in imageTypes)
            {
                response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }

            response.Content["application/json"] = new OpenApiMediaType
            {
                Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct),
                Example = JsonSerializer.SerializeToNode(example, Json),
            };
        });

    /// <summary>A header of the 200 response.</summary>
    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, string name, string description, string example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var found) == true && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader
                {
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = JsonValue.Create(example),
                };
            }

            return Task.CompletedTask;
        });
}
