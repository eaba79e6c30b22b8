using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class CropApi
{
    public static RouteHandlerBuilder MapCropApi(this IEndpointRouteBuilder app, OperationLimits limits) =>
        app.MapPost("/crop", (HttpContext http, ImageSource sources, OperationExecutor executor) =>
                SyncOperation.HandleAsync(http, "crop", sources, executor, limits))
            .WithName("CropImage")
            .WithSummary("Crop an image")
            .WithDescription("strategy=box (default) cuts the left/top/width/height box, which must lie inside the image. attention, entropy and centre choose a width × height region with libvips smart crop. faces detects faces (UltraFace) and keeps every one inside a crop of the width × height aspect ratio, scaled to width × height (centre when none is found). The kept region, in source pixels, is in the X-Crop-Region header (left,top,width,height) for box and faces.")
            .WithImageInput()
            .WithQueryParameters(CropOperation.Specs(limits))
            .WithQueryParameters(SyncOperation.OutputSpecs)
            .DisableAntiforgery()
            .WithImageProblems();
}
