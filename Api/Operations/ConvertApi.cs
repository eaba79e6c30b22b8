using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class ConvertApi
{
    public static RouteHandlerBuilder MapConvertApi(this IEndpointRouteBuilder app, OperationLimits limits) =>
        app.MapPost("/convert", (HttpContext http, ImageSource sources, OperationExecutor executor) =>
                SyncOperation.HandleAsync(http, operation: null, sources, executor, limits))
            .WithName("ConvertImage")
            .WithSummary("Convert an image to another format")
            .WithDescription($"Re-encodes to format ({string.Join(", ", OutputEncoding.WritableFormats)}: what this libvips build can write) with quality (JPEG, WebP, HEIF, AVIF) and strip (drop EXIF/XMP/IPTC/ICC). format=auto picks by the Accept header: the acceptable type with the highest q, ties going to AVIF, WebP, JPEG, PNG; only wildcards keep the source format; nothing acceptable is 406. The response varies on Accept.")
            .WithImageInput()
            .WithQueryParameters(SyncOperation.OutputSpecs, "format")
            .DisableAntiforgery()
            .WithImageProblems()
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
}
