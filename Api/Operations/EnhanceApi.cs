using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class EnhanceApi
{
    public static RouteHandlerBuilder MapEnhanceApi(this IEndpointRouteBuilder app, OperationLimits limits) =>
        app.MapPost("/enhance", (HttpContext http, ImageSource sources, OperationExecutor executor) =>
                SyncOperation.HandleAsync(http, "enhance", sources, executor, limits))
            .WithName("EnhanceImage")
            .WithSummary("Adjust brightness, contrast, saturation and sharpness")
            .WithDescription("Each factor is in [0, 3]; 1 leaves that property unchanged (brightness 0 = black, contrast 0 = flat grey, saturation 0 = greyscale, sharpness 0 = blurred, above 1 = sharpened). Output is 8-bit sRGB.")
            .WithImageInput()
            .WithQueryParameters(EnhanceOperation.Specs)
            .WithQueryParameters(SyncOperation.OutputSpecs)
            .DisableAntiforgery()
            .WithImageProblems();
}
