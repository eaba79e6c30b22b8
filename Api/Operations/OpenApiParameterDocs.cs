using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>
/// Documents query parameters in the OpenAPI document from the same <see cref="ParameterSpec"/>s that validate
/// them (type, minimum, maximum, allowed values, default, meaning), and the multipart/imageId input.
/// </summary>
public static class OpenApiParameterDocs
{
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IEnumerable<ParameterSpec> specs, params string[] required)
        where TBuilder : IEndpointConventionBuilder
    {
        var list = specs.ToList();
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var spec in list)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = spec.Name,
                    In = ParameterLocation.Query,
                    Required = required.Contains(spec.Name),
                    Description = spec.Documentation,
                    Schema = SchemaOf(spec),
                });
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The image input: a multipart <c>file</c> part, or <c>imageId</c> of a stored image in the query.</summary>
    public static TBuilder WithImageInput<TBuilder>(this TBuilder builder, bool allowUpload = true) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ImageSource.ImageIdField,
                In = ParameterLocation.Query,
                Description = "Id of a stored image (from POST /api/v1/images) to use instead of an uploaded file.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                Required = !allowUpload,
            });
            if (!allowUpload)
            {
                return Task.CompletedTask;
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = "The image as a multipart/form-data part named 'file' (JPEG, PNG, WebP, TIFF, GIF, HEIF, AVIF), unless imageId is given.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [ImageSource.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    private static OpenApiSchema SchemaOf(ParameterSpec spec)
    {
        var schema = new OpenApiSchema
        {
            Type = spec.Type switch
            {
                ParameterType.Integer => JsonSchemaType.Integer,
                ParameterType.Number => JsonSchemaType.Number,
                ParameterType.Boolean => JsonSchemaType.Boolean,
                _ => JsonSchemaType.String,
            },
            Minimum = Number(spec.Minimum),
            Maximum = Number(spec.Maximum),
            Default = spec.Default is null ? null : spec.Type == ParameterType.String ? JsonValue.Create(spec.Default) : JsonNode.Parse(spec.Default),
        };
        if (spec.ExclusiveMinimum)
        {
            schema.ExclusiveMinimum = Number(spec.Minimum);
            schema.Minimum = null;
        }

        if (spec.Allowed is { } allowed)
        {
            schema.Enum = allowed.Select(a => (JsonNode)JsonValue.Create(a)).ToList();
        }

        return schema;
    }

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);
}
