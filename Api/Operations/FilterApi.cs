using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class FilterApi
{
    public static RouteHandlerBuilder MapFilterApi(this IEndpointRouteBuilder app, OperationLimits limits) =>
        app.MapPost("/filter", (HttpContext http, ImageSource sources, OperationExecutor executor) =>
                SyncOperation.HandleAsync(http, "filter", sources, executor, limits))
            .WithName("FilterImage")
            .WithSummary("Apply a filter")
            .WithDescription("type: blur (radius), gaussian-blur (sigma), sharpen (sigma, amount), edge-detect (detector sobel, or canny with sigma and threshold; one 8-bit band, white edges on black), median (odd size 3-15), emboss, contour, grayscale. A parameter that does not apply to the type is refused.")
            .WithImageInput()
            .WithQueryParameters(FilterOperation.Specs, "type")
            .WithQueryParameters(SyncOperation.OutputSpecs)
            .DisableAntiforgery()
            .WithImageProblems();
}
