using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class ResizeApi
{
    public static RouteHandlerBuilder MapResizeApi(this IEndpointRouteBuilder app, OperationLimits limits) =>
        app.MapPost("/resize", (HttpContext http, ImageSource sources, OperationExecutor executor) =>
                SyncOperation.HandleAsync(http, "resize", sources, executor, limits))
            .WithName("ResizeImage")
            .WithSummary("Resize an image")
            .WithDescription("Resizes into a width × height box. Modes: fit (inside the box, aspect kept; width or height alone is enough), fill (covers the box, centre-cropped), exact (stretched), pad (fit, then centred on black). Never enlarges unless upscale=true (exact always reaches the box). Answers the image (X-Image-Width/X-Image-Height headers); the format is the source's unless format is given.")
            .WithImageInput()
            .WithQueryParameters(ResizeOperation.Specs(limits))
            .WithQueryParameters(SyncOperation.OutputSpecs)
            .DisableAntiforgery()
            .WithImageProblems();
}
